// Owns the shapes the ingest hands to storage: a validated response ready to be written, and what
// a set of stored responses adds to the pre-aggregated counts. Here, and not in the repository,
// so the repository only writes what it is given and imports nothing back from the ingest.
import type { LikertValue } from '../../shared/likert';

export interface NewResponse {
  id: string;
  roundId: string;
  unitId: string;
  questionnaireVersion: string;
  answeredOn: string;
  /** Every statement of the version, null when unanswered. */
  answers: Record<string, LikertValue | null>;
  background: Record<string, string>;
  openText: string | null;
}

export interface CountDelta {
  roundId: string;
  unitId: string;
  statementId: string;
  /** 1..5, or 0 for "left unanswered". */
  value: number;
  count: number;
}

export interface TotalDelta {
  roundId: string;
  unitId: string;
  responses: number;
}

export interface BackgroundCountDelta {
  roundId: string;
  questionId: string;
  /** An option value, or DECLINED. */
  optionValue: string;
  statementId: string;
  value: number;
  count: number;
}

export interface BackgroundTotalDelta {
  roundId: string;
  questionId: string;
  optionValue: string;
  responses: number;
}

/** How many of a unit's own responses gave one background profile (canonical JSON, see aggregate.ts). */
export interface BackgroundProfileDelta {
  roundId: string;
  unitId: string;
  profile: string;
  responses: number;
}

export interface AggregateDeltas {
  counts: CountDelta[];
  totals: TotalDelta[];
  backgroundCounts: BackgroundCountDelta[];
  backgroundTotals: BackgroundTotalDelta[];
  backgroundProfiles: BackgroundProfileDelta[];
}
