// The "Dette gjør vi" link: a token of 32 random bytes (256 bits) from the crypto generator, sent
// once and stored only as its SHA-256, one per plan. Renewing replaces the hash in one transaction,
// so the old link is dead the moment the new one exists. Reading needs the token alone; an unknown
// token is 404 PLAN_LINK_INVALID and counts as a failed guess for the client (its address as
// clientGroup groups it, keyed hash only, in code_guesses), and a client over the limit gets 429
// for unknown tokens. A good token is always answered: at 256 bits a guesser learns nothing from it.
// The view carries no account names (see the contract) and no figures.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  PUBLIC_TOKEN_PATTERN,
  type PublicPlanResponse,
  type PublicResponsible,
} from '../../shared/api/plans';
import type { FactorId } from '../../shared/factors';
import { ApiError, notFound } from '../api-error';
import { clientGroup } from '../client-address';
import type { CodeHasher } from '../codes/code-hasher';
import { GUESS_LIMITS } from '../codes/code-attempts';
import type { DB } from '../db/schema';
import { chargeGuesses, deleteGuessWindowsBefore } from '../repositories/code-guesses';
import { findMunicipality } from '../repositories/municipalities';
import {
  accountsWithRolesOn,
  findPlan,
  loadContents,
  planIdOfToken,
  replacePublicLink,
  type MeasureRow,
} from '../repositories/plans';
import { findRounds } from '../repositories/rounds';
import { findUnitsByIds, unitAndAncestorIds } from '../repositories/units';

/** Failed link guesses per client and hour (the one-time codes' per-client budget). */
export const PLAN_LINK_GUESSES_PER_CLIENT = GUESS_LIMITS.perClient;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function renewPublicLink(db: Kysely<DB>, planId: string, today: string) {
  const token = randomBytes(32).toString('base64url');
  await replacePublicLink(db, planId, hashToken(token), today);
  return { token, createdOn: today };
}

/** Charges one failed guess to the client; limited once its budget for the hour is used up. */
async function chargeFailure(db: Kysely<DB>, hasher: CodeHasher, address: string, now: Date) {
  const windowMs = GUESS_LIMITS.windowMinutes * 60_000;
  const at = now.getTime();
  const window = Math.floor(at / windowMs);
  await deleteGuessWindowsBefore(db, window);
  const scope = `plan-link:${hasher.hashClient(clientGroup(address))}`;
  const decision = await chargeGuesses(db, window, [{ scope, hits: 1, limit: PLAN_LINK_GUESSES_PER_CLIENT }]);
  if (decision === 'admitted') return undefined;
  return Math.max(1, Math.ceil(((window + 1) * windowMs - at) / 1000));
}

/** What an account shows as to everyone: the role it holds on the unit or above (leader first). */
function publicRole(roles: readonly string[]): PublicResponsible {
  const order = ['leader', 'safety_rep', 'union_rep'] as const;
  return { kind: 'staff', role: order.find((r) => roles.includes(r)) ?? null };
}

export type PublicPlanResult = { plan: PublicPlanResponse } | { retryAfterSeconds: number };

export async function readPublicPlan(
  db: Kysely<DB>,
  hasher: CodeHasher,
  token: string,
  client: { address: string; now: Date },
): Promise<PublicPlanResult> {
  const planId = new RegExp(PUBLIC_TOKEN_PATTERN).test(token)
    ? await planIdOfToken(db, hashToken(token))
    : undefined;
  const plan = planId === undefined ? undefined : await findPlan(db, planId);
  if (!plan) {
    const retryAfterSeconds = await chargeFailure(db, hasher, client.address, client.now);
    if (retryAfterSeconds !== undefined) return { retryAfterSeconds };
    throw new ApiError('PLAN_LINK_INVALID');
  }
  const municipality = await findMunicipality(db, plan.municipality_id);
  const round = (await findRounds(db, [plan.round_id])).get(plan.round_id);
  if (!municipality || !round) throw notFound('No such plan');
  const units = new Map(
    (await findUnitsByIds(db, [plan.unit_id, ...(plan.based_on_unit_id ? [plan.based_on_unit_id] : [])])).map(
      (u) => [u.id, u.name],
    ),
  );
  const content = (await loadContents(db, [plan.id])).get(plan.id)!;
  const accounts = await accountsWithRolesOn(
    db,
    plan.municipality_id,
    await unitAndAncestorIds(db, plan.unit_id),
  );
  const rolesOf = new Map(accounts.map((a) => [a.id, a.roles.map((r) => r.role)]));
  const responsible = (m: MeasureRow): PublicResponsible =>
    m.responsible_account_id === null
      ? { kind: 'role', text: m.responsible_role ?? '' }
      : publicRole(rolesOf.get(m.responsible_account_id) ?? []);
  const shown = plan.status === 'draft' ? [] : content.focus;
  return {
    plan: {
      municipality: { name: municipality.name, language: municipality.language },
      unit: { name: units.get(plan.unit_id) ?? '' },
      basedOnUnitName: plan.based_on_unit_id === null ? null : (units.get(plan.based_on_unit_id) ?? ''),
      round: { name: round.name, closesOn: round.closesOn },
      status: plan.status,
      agreedOn: plan.agreed_on,
      nextReviewOn: plan.next_review_on,
      lastReviewOn: content.reviews[0]?.held_on ?? null,
      focusFactors: shown.map((f) => ({
        factorId: f.factor_id as FactorId,
        kind: f.kind,
        why: f.why,
        goals: content.goals
          .filter((g) => g.focus_factor_id === f.id)
          .map((g) => ({ text: g.text, howWeKnow: g.how_we_know })),
        measures: content.measures
          .filter((m) => m.focus_factor_id === f.id)
          .map((m) => ({
            text: m.text,
            responsible: responsible(m),
            deadline: m.deadline,
            status: m.status,
          })),
      })),
    },
  };
}
