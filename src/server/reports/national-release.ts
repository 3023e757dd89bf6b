// The report's side of national releases: the latest release of the year and unit type, read as
// one lookup (src/server/national/release.ts makes them). A unit without a type compares with
// the municipality-as-a-whole release ('*'). Meant to replace the pooled re-analysis in
// unit-report.ts: hand the result to chooseNational as `computed`, and `release` to NationalInfo.
import type { Kysely } from 'kysely';
import type { NationalInfo } from '../../shared/api/reports';
import { FACTOR_IDS } from '../../shared/factors';
import type { DB } from '../db/schema';
import { WHOLE_MUNICIPALITY } from '../national/compute';
import { latestRelease } from '../repositories/national-releases';
import type { ComputedNational } from './national-choice';

export async function releasedNational(
  db: Kysely<DB>,
  year: number,
  unitType: string | null,
): Promise<{ computed: ComputedNational; release: NationalInfo['release'] }> {
  const found = await latestRelease(db, year, unitType ?? WHOLE_MUNICIPALITY);
  if (!found) return { computed: { averages: FACTOR_IDS.map(() => null), municipalities: 0 }, release: null };
  return {
    computed: {
      averages: FACTOR_IDS.map((f) => found.averages.get(f) ?? null),
      municipalities: found.municipalities,
    },
    release: { id: found.id, version: found.version, releasedAt: found.releasedAt },
  };
}
