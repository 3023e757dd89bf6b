// Made-up answers for the demo and the benchmark: deterministic (a seeded generator), so the demo
// shows the same report on every fresh install and the benchmark measures the same data on every
// run. Each unit leans towards its own mean score per factor, so reports have something to show.
import { FACTOR_IDS, type FactorId } from '../../shared/factors';
import type { LikertValue } from '../../shared/likert';
import { DECLINED, type Questionnaire } from '../../shared/questionnaire/types';
import type { NewResponse } from '../ingest/types';

export type Random = () => number;

/** mulberry32: a tiny, well-known 32-bit generator; plenty for made-up data (never for secrets). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A UUID v4 from the generator, so the ids are as repeatable as the answers. */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A unit's lean: the mean each factor's answers scatter around (1..5). */
export function unitMeans(random: Random, low = 3.3, high = 4.6): Record<FactorId, number> {
  return Object.fromEntries(FACTOR_IDS.map((id) => [id, low + random() * (high - low)])) as Record<
    FactorId,
    number
  >;
}

export interface SyntheticOptions {
  roundId: string;
  unitId: string;
  count: number;
  questionnaire: Questionnaire;
  answeredOn: string;
  means: Record<FactorId, number>;
  random: Random;
  withBackground: boolean;
  /** Open answers to hand out (each to one response at most), or none. */
  openTexts?: readonly string[];
  /** Share of statements left unanswered. */
  skipRate?: number;
}

export function syntheticResponses(options: SyntheticOptions): NewResponse[] {
  const { questionnaire, random, means, skipRate = 0.02 } = options;
  const openTexts = [...(options.openTexts ?? [])];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: options.count }, (): NewResponse => {
    const answers: Record<string, LikertValue | null> = {};
    for (const statement of questionnaire.statements) {
      // Three uniforms make a rough bell around the unit's mean for the factor.
      const noise = (random() + random() + random() - 1.5) * 1.7;
      const value = Math.min(5, Math.max(1, Math.round(means[statement.factor] + noise))) as LikertValue;
      answers[statement.id] = random() < skipRate ? null : value;
    }
    const background: Record<string, string> = {};
    if (options.withBackground) {
      for (const question of questionnaire.background) {
        background[question.id] = random() < 0.05 ? DECLINED : pick(question.options).value;
      }
    }
    return {
      id: seededUuid(random),
      roundId: options.roundId,
      unitId: options.unitId,
      questionnaireVersion: questionnaire.version,
      answeredOn: options.answeredOn,
      answers,
      background,
      openText: openTexts.shift() ?? null,
    };
  });
}
