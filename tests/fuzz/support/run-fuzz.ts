// One fuzz run on one database, in process and loopback only (app.inject: nothing leaves the
// process): the server test world (tests/server/support/fixtures.ts, the authorisation people of
// tests/server/authz/fixtures.ts) and a few valid answers, then `runs` requests drawn by fast-check
// from a fixed seed over every route the app registered (collected with an onRoute hook, so a new
// route is fuzzed without anyone listing it), each as anonymous, as a signed-in admin with the
// CSRF token, or as the fixture kiosk. What it checks: no status of 500 or more; every 4xx body
// carries a code of ERROR_CODES; the responses table grew by exactly the answers the server said
// it accepted; the counts equal a recount from the stored answers; and no table holds text no
// person types (control characters, lone surrogates).
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../../src/server/app';
import type { DialectName } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { ERROR_CODES } from '../../../src/shared/api/errors';
import { apiPath, RESPONDENT_PATHS } from '../../../src/shared/api/paths';
import { findUnstorableText, isStorableText } from '../../../src/shared/text';
import { FIXTURE_PASSWORD, headersFor, seedAuthzFixtures, signIn, USERS } from '../../server/authz/fixtures';
import { recomputed, snapshot } from '../../server/support/counts';
import { dumpTables } from '../../server/support/dump';
import {
  CODE_POOL_SIZE,
  fixtureCode,
  FIXTURE_KIOSK,
  kioskHeaders,
  NOW,
  seedFixtures,
  TEST_CODE_HASH_KEY,
  validResponse,
} from '../../server/support/fixtures';
import { hashPassword } from '../../../src/server/auth/password';
import { TEST_SEED } from '../../support/seed';
import { createRunDatabase } from '../../chaos/support/databases';
import { caseArbitrary, casePayload, caseUrl, type FuzzCase, type RouteInfo } from './arbitraries';

/**
 * Batches the ingest takes: answers to round-open with fixture codes the seeding left unused (a
 * code drawn twice is used up the second time, as it should be). Broken in one part by the fuzz
 * like any other body, so good and bad items meet in one batch.
 */
const ingestBatches = fc
  .array(
    fc
      .record({
        id: fc.uuid({ version: 4 }),
        roundId: fc.constant('round-open'),
        unitId: fc.constantFrom('dept', 'unit'),
        questionnaireVersion: fc.constant('test-v1'),
        answeredOn: fc.constantFrom('2026-03-10', '2026-03-09', '2026-03-01'),
        answers: fc.record({
          s1: fc.option(fc.integer({ min: 1, max: 5 })),
          s2: fc.option(fc.integer({ min: 1, max: 5 })),
          s3: fc.option(fc.integer({ min: 1, max: 5 })),
        }),
        background: fc.oneof(fc.constant({}), fc.record({ gender: fc.constantFrom('female', 'male') })),
        openText: fc.constantFrom('Fint her', 'Travelt', ''),
        code: fc.nat({ max: CODE_POOL_SIZE - 101 }),
      })
      .map(({ code, ...item }) => ({ ...item, code: fixtureCode('round-open', item.unitId, 100 + code) })),
    { minLength: 1, maxLength: 5 },
  )
  .map((responses) => ({ formatVersion: 1, responses }));

export interface FuzzProblem {
  request: string;
  status: number;
  body: string;
}

export interface FuzzResult {
  dialect: DialectName;
  routes: number;
  requests: number;
  histogram: Record<number, number>;
  byAuth: Record<string, number>;
  /** Routes (method and pattern) no request was drawn for. */
  routesMissed: string[];
  /** Admin requests that got past sign-in, CSRF and role (neither 401 nor 403). */
  adminPastAuth: number;
  /** Replies with a status of 500 or more. */
  serverErrors: FuzzProblem[];
  /** 4xx replies without a known error code. */
  uncoded: FuzzProblem[];
  responsesBefore: number;
  responsesAfter: number;
  acceptedByServer: number;
  aggregatesMatchRecount: boolean;
  /** Table/column paths holding text no person types. */
  unstorable: string[];
  seconds: number;
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);
const ADMIN = USERS.admin;

function describeCase(method: string, url: string, c: FuzzCase, payload: string | undefined): string {
  const body =
    payload === undefined ? '' : ` body(${payload.length})=${JSON.stringify(payload.slice(0, 300))}`;
  const type = c.contentType === undefined ? '' : ` content-type=${JSON.stringify(c.contentType)}`;
  const shownUrl = url.length > 300 ? `${url.slice(0, 300)}…(${url.length})` : url;
  return `${c.auth} ${method} ${shownUrl}${type}${body}`;
}

function unstorableIn(dump: Record<string, string[]>): string[] {
  const found: string[] = [];
  for (const [table, rows] of Object.entries(dump)) {
    for (const line of rows) {
      const row = JSON.parse(line) as Record<string, unknown>;
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        let bad = !isStorableText(value);
        if (!bad && /^[[{]/.test(value)) {
          try {
            bad = findUnstorableText(JSON.parse(value)) !== undefined;
          } catch {
            // not JSON: checked as text above
          }
        }
        if (bad) found.push(`${table}.${column}`);
      }
    }
  }
  return [...new Set(found)];
}

export async function runFuzz(options: { dialect: DialectName; runs: number }): Promise<FuzzResult> {
  const started = Date.now();
  const database = await createRunDatabase(options.dialect, 'fuzz');
  const db = database.connect();
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(db);
    await seedFixtures(db.kysely);
    await seedAuthzFixtures(db.kysely);
    app = buildApp({ db, now: () => NOW, codeHashKey: TEST_CODE_HASH_KEY });
    const routes: RouteInfo[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD' && route.method !== 'HEAD') continue;
        const ingest = method === 'POST' && route.url === apiPath(RESPONDENT_PATHS.responses);
        routes.push({
          method,
          url: route.url,
          bodySchema: route.schema?.body,
          ...(ingest && { validBodies: ingestBatches }),
        });
      }
    });
    await app.ready();
    const kysely = db.kysely;

    // A few answers through the real ingest, so the recount at the end has something to check.
    const seeded = await app.inject({
      method: 'POST',
      url: apiPath(RESPONDENT_PATHS.responses),
      payload: { formatVersion: 1, responses: Array.from({ length: 20 }, () => validResponse()) },
    });
    if (seeded.statusCode !== 200) throw new Error(`seeding answers: ${seeded.statusCode} ${seeded.body}`);
    const responsesBefore = (await snapshot(db)).responses;

    let admin = headersFor(await signIn(kysely, ADMIN.id, NOW));
    let adminIsFresh = true;
    const passwordHash = await hashPassword(FIXTURE_PASSWORD);
    /** The admin may have signed itself out, changed its password or roles: make it admin again. */
    const refreshAdmin = async () => {
      await insertUser(kysely, {
        ...ADMIN,
        displayName: ADMIN.username,
        passwordHash,
        createdOn: '2026-03-01',
      });
      await replaceRoles(kysely, ADMIN.id, ADMIN.roles);
      admin = headersFor(await signIn(kysely, ADMIN.id, NOW));
      adminIsFresh = true;
    };

    const cases = fc.sample(caseArbitrary(routes), { seed: TEST_SEED, numRuns: options.runs });
    const histogram: Record<number, number> = {};
    const byAuth: Record<string, number> = {};
    const serverErrors: FuzzProblem[] = [];
    const uncoded: FuzzProblem[] = [];
    let acceptedByServer = 0;
    let adminPastAuth = 0;
    const hit = new Set<number>();
    for (const [index, c] of cases.entries()) {
      hit.add(c.route);
      const route = routes[c.route]!;
      const url = caseUrl(route, c);
      const payload = casePayload(c.body);
      const headers: Record<string, string> = {};
      if (c.auth === 'admin') {
        if (!adminIsFresh) await refreshAdmin();
        Object.assign(headers, admin);
      }
      if (c.auth === 'kiosk') Object.assign(headers, kioskHeaders(FIXTURE_KIOSK.credential));
      if (c.contentType !== undefined) headers['content-type'] = c.contentType;
      else if (payload !== undefined) headers['content-type'] = 'application/json';
      const request: InjectOptions = {
        method: route.method,
        url,
        headers,
        ...(payload !== undefined && { payload }),
      };
      // Every request from its own address, so one client's guessing limit does not end the ingest early.
      const res = await app.inject({
        ...request,
        remoteAddress: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      });
      histogram[res.statusCode] = (histogram[res.statusCode] ?? 0) + 1;
      byAuth[c.auth] = (byAuth[c.auth] ?? 0) + 1;
      const problem = () => ({
        request: describeCase(route.method, url, c, payload),
        status: res.statusCode,
        body: res.body.slice(0, 500),
      });
      if (res.statusCode >= 500) serverErrors.push(problem());
      let body: unknown;
      try {
        body = res.json();
      } catch {
        body = undefined;
      }
      // A HEAD reply has no body to carry a code.
      if (res.statusCode >= 400 && res.statusCode < 500 && route.method !== 'HEAD') {
        const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
        if (typeof code !== 'string' || !KNOWN_CODES.has(code)) uncoded.push(problem());
      }
      if (route.method === 'POST' && route.url === apiPath(RESPONDENT_PATHS.responses)) {
        const results = (body as { results?: { status?: unknown }[] } | undefined)?.results;
        if (Array.isArray(results)) acceptedByServer += results.filter((r) => r.status === 'accepted').length;
      }
      if (c.auth === 'admin') {
        if (res.statusCode !== 401 && res.statusCode !== 403) adminPastAuth += 1;
        const signedOut = res.statusCode === 401 || res.statusCode === 403;
        const changedSelf =
          res.statusCode < 300 && route.method !== 'GET' && /\/(auth|accounts)\b/.test(route.url);
        if (signedOut || changedSelf) adminIsFresh = false;
      }
    }

    const after = await snapshot(db);
    const recount = await recomputed(db);
    return {
      dialect: options.dialect,
      routes: routes.length,
      requests: cases.length,
      histogram,
      byAuth,
      routesMissed: routes.filter((_, i) => !hit.has(i)).map((r) => `${r.method} ${r.url}`),
      adminPastAuth,
      serverErrors,
      uncoded,
      responsesBefore,
      responsesAfter: after.responses,
      acceptedByServer,
      aggregatesMatchRecount:
        JSON.stringify(after.counts) === JSON.stringify(recount.counts) &&
        JSON.stringify(after.totals) === JSON.stringify(recount.totals),
      unstorable: unstorableIn(await dumpTables(kysely)),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    if (app) await app.close();
    else await db.close();
    await database.dispose();
  }
}

export function formatFuzz(r: FuzzResult): string {
  const ok =
    r.serverErrors.length === 0 &&
    r.uncoded.length === 0 &&
    r.aggregatesMatchRecount &&
    r.unstorable.length === 0 &&
    r.responsesAfter - r.responsesBefore === r.acceptedByServer;
  const lines = [
    `fuzz on ${r.dialect}: ${ok ? 'OK' : 'FAILED'}: ${r.requests} requests over ${r.routes} routes in ${r.seconds} s (${Object.entries(
      r.byAuth,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `  status histogram: ${Object.entries(r.histogram)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ')}`,
    `  5xx: ${r.serverErrors.length}; 4xx without a known code: ${r.uncoded.length}; admin requests past auth: ${r.adminPastAuth}; routes not drawn: ${r.routesMissed.length}`,
    `  responses ${r.responsesBefore} → ${r.responsesAfter}, accepted by the server ${r.acceptedByServer}; aggregates vs recount: ${
      r.aggregatesMatchRecount ? 'equal' : 'DIFFERENT'
    }; unstorable text stored: ${r.unstorable.join(', ') || 'none'}`,
  ];
  for (const p of [...r.serverErrors, ...r.uncoded].slice(0, 20))
    lines.push(`  ${p.status} ← ${p.request}\n      ${p.body}`);
  return lines.join('\n');
}
