// The questionnaire is versioned data, not code: a municipality holding the licensed official
// statements loads them as a new version (same shape) without touching the program.
import type { FactorId } from '../factors';
import type { LocalizedText } from '../languages';

export interface Statement {
  /** Stable within a version; responses refer to statements by this id. */
  id: string;
  factor: FactorId;
  /** 1-based position in the questionnaire. */
  order: number;
  text: LocalizedText;
}

export interface BackgroundOption {
  value: string;
  label: LocalizedText;
}

export type BackgroundQuestionId =
  'gender' | 'ageGroup' | 'education' | 'positionPercentage' | 'leaderResponsibility';

export interface BackgroundQuestion {
  id: BackgroundQuestionId;
  label: LocalizedText;
  /** Allowed values. "Ønsker ikke å svare" is the value DECLINED, always allowed. */
  options: BackgroundOption[];
}

export interface OpenQuestion {
  label: LocalizedText;
  /** The warning shown above the field: no names, nothing that identifies anyone. */
  warning: LocalizedText;
  maxLength: number;
}

export interface Questionnaire {
  version: string;
  statements: Statement[];
  background: BackgroundQuestion[];
  openQuestion: OpenQuestion;
}

/** The background answer "Ønsker ikke å svare". */
export const DECLINED = 'declined';
export const OPEN_TEXT_MAX_LENGTH = 2000;
