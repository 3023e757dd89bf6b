import type { ColumnType } from 'kysely';
import type { Language } from '../../../shared/languages';

/** A column the database fills when an insert leaves it out. */
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export type RoundStatus = 'draft' | 'open' | 'closed' | 'published';

// A survey round for one unit and everything below it. Dates are Oslo calendar dates
// ('YYYY-MM-DD' text) and booleans are 0/1 integers, so the same SQL runs on SQLite and PostgreSQL.
export interface RoundsTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  /** The name in default_language. */
  name: string;
  /** JSON: the name in other languages, {"nn": "…"}; '{}' when none (migration 008). */
  name_translations: WithDefault<string>;
  opens_on: string;
  closes_on: string;
  status: RoundStatus;
  default_language: Language;
  threshold: WithDefault<number>;
  open_question_enabled: WithDefault<number>;
  background_enabled: WithDefault<number>;
  /** Open answers are listed only for groups at least this big; never below threshold (migration 009). */
  open_answer_threshold: WithDefault<number>;
  /** Days after closes_on that answers made offline before the close are still taken in. */
  grace_days: WithDefault<number>;
  questionnaire_version: string;
  /** YYYY-MM-DD; null only for rounds made before migration 003 filled it. */
  created_on: string | null;
  /** YYYY-MM-DD: when it was published (018; earlier rounds: their closing date). */
  published_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** YYYY-MM-DD: when retention deleted its answer rows; null while they are kept (018). */
  answers_deleted_on: ColumnType<string | null, string | null | undefined, string | null>;
}
