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
}
