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
}
