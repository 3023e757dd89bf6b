// Builds a national instance for the bench (npm run bench -- --national) and its smoke test: many
// municipalities on one database, each with a root, a few sectors and units of varying type and size
// (some tiny, under the threshold), one published round each with a varying threshold, and answers
// counted through the project's own aggregate writer (ingest/add-to-aggregates.ts), the path the
// ingest and the release use to count. Raw response rows are not written: reports read the counts.
import type { Database } from '../../src/server/db/database';
import { seededRandom, syntheticResponses, unitMeans } from '../../src/server/demo/synthetic-answers';
import { addToAggregates } from '../../src/server/ingest/add-to-aggregates';
import { insertMunicipality, insertUnits } from '../../src/server/repositories/organisation';
import { saveQuestionnaire } from '../../src/server/repositories/questionnaires';
import { insertRound } from '../../src/server/repositories/rounds';
import { ROUND_DEFAULTS } from '../../src/server/rounds/defaults';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { defaultClosesOn } from '../../src/shared/rounds';

export const UNIT_TYPES = ['sykehjem', 'hjemmetjeneste', 'barnehage', 'skole-barnetrinn', 'teknisk'];
const THRESHOLDS = [3, 5, 5, 6, 10];
/** Answers counted per call of the aggregate writer. */
const SLICE = 5000;

export interface NationalMunicipality {
  id: string;
  roundId: string;
  rootId: string;
  /** The unit with the median number of answers. */
  typicalUnit: string;
  answers: number;
}

export interface NationalInstance {
  municipalities: NationalMunicipality[];
  units: number;
  answers: number;
}

export async function buildNationalInstance(
  database: Database,
  options: { municipalities: number; answers: number; seed?: number },
): Promise<NationalInstance> {
  const db = database.kysely;
  const random = seededRandom(options.seed ?? 14);
  await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
  // Municipality sizes: a few large (Bergen-like), most small.
  const weights = Array.from({ length: options.municipalities }, () => 0.02 + random() ** 4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / sum) * options.answers));
  sizes[0]! += options.answers - sizes.reduce((a, b) => a + b, 0);
  const built: NationalMunicipality[] = [];
  let units = 0;
  for (const [m, answers] of sizes.entries()) {
    const id = `nat-m${m}`;
    const rootId = `${id}-root`;
    const roundId = `${id}-round`;
    await insertMunicipality(db, { id, name: `Kommune ${m}`, number: String(5000 + m), language: 'nb' });
    const sectors = Array.from({ length: 1 + (m % 4) }, (_, i) => `${id}-s${i}`);
    const leafCount = Math.max(3, Math.min(400, Math.round(answers / 25)));
    const leaves = Array.from({ length: leafCount }, (_, i) => `${id}-u${i}`);
    await insertUnits(db, [
      { id: rootId, municipality_id: id, parent_id: null, name: 'Hele kommunen', unit_type: null },
      ...sectors.map((s, i) => ({
        id: s,
        municipality_id: id,
        parent_id: rootId,
        name: `Sektor ${i}`,
        unit_type: null,
      })),
      ...leaves.map((u, i) => ({
        id: u,
        municipality_id: id,
        parent_id: sectors[i % sectors.length]!,
        name: `Enhet ${i}`,
        unit_type: UNIT_TYPES[(i + m) % UNIT_TYPES.length]!,
      })),
    ]);
    units += 1 + sectors.length + leaves.length;
    await insertRound(db, {
      id: roundId,
      municipalityId: id,
      unitId: rootId,
      name: 'Måling 2026',
      opensOn: '2026-09-01',
      closesOn: defaultClosesOn('2026-09-01'),
      status: 'published',
      defaultLanguage: 'nb',
      ...ROUND_DEFAULTS,
      threshold: THRESHOLDS[m % THRESHOLDS.length]!,
      openQuestionEnabled: true,
    });
    // Uneven unit sizes: every seventh unit tiny (1–2 answers), the rest by a skewed weight.
    const unitWeights = leaves.map((_, i) => (i % 7 === 3 ? 0 : 0.1 + random() ** 2));
    const tiny = leaves.map((_, i) => (i % 7 === 3 ? 1 + (i % 2) : 0));
    const rest = Math.max(0, answers - tiny.reduce((a, b) => a + b, 0));
    const unitSum = unitWeights.reduce((a, b) => a + b, 0);
    const counts = unitWeights.map((w, i) => tiny[i]! + Math.floor((w / unitSum) * rest));
    counts[0]! += answers - counts.reduce((a, b) => a + b, 0);
    if (counts[0]! < 0) throw new Error(`municipality ${m}: too few answers (${answers}) for its units`);
    // Counted a slice of units at a time rather than unit by unit: every call also updates the
    // round's background counts (a few thousand rows), which is the same per call whatever its size.
    let pending: ReturnType<typeof syntheticResponses> = [];
    await db.transaction().execute(async (trx) => {
      for (const [i, unitId] of leaves.entries()) {
        if (counts[i] === 0) continue;
        const responses = syntheticResponses({
          roundId,
          unitId,
          count: counts[i]!,
          questionnaire: DEFAULT_QUESTIONNAIRE,
          answeredOn: '2026-09-03',
          means: unitMeans(random),
          random,
          withBackground: true,
        });
        pending = pending.concat(responses);
        if (pending.length >= SLICE) {
          await addToAggregates(trx, pending);
          pending = [];
        }
      }
      if (pending.length > 0) await addToAggregates(trx, pending);
    });
    const byCount = leaves.map((u, i) => ({ u, c: counts[i]! })).sort((a, b) => a.c - b.c);
    built.push({ id, roundId, rootId, typicalUnit: byCount[Math.floor(byCount.length / 2)]!.u, answers });
  }
  return { municipalities: built, units, answers: sizes.reduce((a, b) => a + b, 0) };
}
