// A municipality (kommune). `number` is the official four-digit kommunenummer, text because it
// may start with 0 (Oslo is 0301). `language` is its administrative written language.
import type { ColumnType } from 'kysely';
import type { MunicipalityLanguage } from '../../../shared/languages';

export interface MunicipalitiesTable {
  id: string;
  name: string;
  number: string;
  language: MunicipalityLanguage;
  /** How many focus factors a follow-up plan may have, 1..3 (012-follow-up-plans). */
  plan_focus_factors: ColumnType<number, number | undefined, number>;
  /**
   * The respondents' entry address /k/<entry_slug>, unique on the instance (014-operator). Set for
   * every municipality (the migration fills old rows, insertMunicipality makes one from the name);
   * null only in the column type because SQLite cannot add a NOT NULL column without a default.
   */
  entry_slug: ColumnType<string | null, string | undefined, string>;
  /** A staff session ends after this many hours without a request (018; default 8). */
  session_idle_hours: ColumnType<number, number | undefined, number>;
  /** Months a published round's answer rows are kept before retention deletes them (018; default 24). */
  answer_retention_months: ColumnType<number, number | undefined, number>;
  /** Months the audit log is kept (018; default 24). */
  audit_retention_months: ColumnType<number, number | undefined, number>;
  /** The municipality's accessibility statement on uustatus.no, if it has one (018). */
  accessibility_statement_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** How to reach the controller, for the processing record (021; e.g. the postmottak address). */
  controller_contact: ColumnType<string | null, string | null | undefined, string | null>;
  /** How to reach the data protection officer (personvernombud), for the processing record (021). */
  dpo_contact: ColumnType<string | null, string | null | undefined, string | null>;
}
