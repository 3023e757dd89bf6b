// The respondent checks server replies with hand-written guards (reply-guards.ts) so its first load
// carries no TypeBox; the schemas in src/shared/api stay the contract. Each guard must say exactly
// what Value.Check of its schema says: on the replies of the contract, and on every reply made
// from them by deleting a value, replacing one or adding a key or an item anywhere in it.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guard } from '../../../src/app/connection/guard';
import {
  isCodeCheckResponse,
  isCurrentRoundResponse,
  isEntryRoundsResponse,
  isErrorBody,
  isIngestResponse,
  isKioskEnrolResponse,
  isKioskStatusResponse,
} from '../../../src/app/connection/reply-guards';
import { ErrorBodySchema } from '../../../src/shared/api/error-body';
import {
  CodeCheckResponseSchema,
  KioskEnrolResponseSchema,
  KioskStatusResponseSchema,
} from '../../../src/shared/api/organisation';
import {
  CurrentRoundResponseSchema,
  EntryRoundsResponseSchema,
  IngestResponseSchema,
} from '../../../src/shared/api/respondent';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { roundFixture } from '../support/fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;

const round = roundFixture();
const kiosk = {
  id: 'kiosk-1',
  label: 'Nettbrett ved inngangen',
  unit: { id: 'unit-1', name: 'Avdeling 1' },
  openKiosk: true,
  round: { id: 'round-1', name: 'Runde', opensOn: '2026-11-20', closesOn: '2026-12-04', status: 'open' },
  revokedOn: null,
};

const CONTRACTS: [string, Guard<unknown>, TSchema, Json[]][] = [
  [
    'CurrentRoundResponse',
    isCurrentRoundResponse,
    CurrentRoundResponseSchema,
    [
      json(round),
      json({
        ...roundFixture({ names: { nn: 'Medarbeidarundersøkinga', en: 'Staff survey' } }),
        settings: { idleTimeoutSeconds: 90 },
      }),
    ],
  ],
  [
    'EntryRoundsResponse',
    isEntryRoundsResponse,
    EntryRoundsResponseSchema,
    [
      json({
        municipality: { slug: 'bergen', name: 'Bergen kommune' },
        rounds: [round.round, roundFixture({ id: 'round-2', names: { nb: 'Andre' } }).round],
        questionnaires: [DEFAULT_QUESTIONNAIRE],
        settings: { idleTimeoutSeconds: 120 },
      }),
      json({ municipality: { slug: 'os', name: 'Os' }, rounds: [], questionnaires: [] }),
    ],
  ],
  [
    'CodeCheckResponse',
    isCodeCheckResponse,
    CodeCheckResponseSchema,
    [
      {
        status: 'valid',
        round: {
          id: 'r',
          name: 'Runde',
          opensOn: '2026-11-20',
          closesOn: '2026-12-04',
          questionnaireVersion: 'v1',
        },
        unit: { id: 'u', name: 'Avdeling' },
      },
      { status: 'used' },
      { status: 'notOpen' },
    ],
  ],
  [
    'KioskEnrolResponse',
    isKioskEnrolResponse,
    KioskEnrolResponseSchema,
    [
      json({ credential: 'secret', kiosk }),
      json({ credential: 'c', kiosk: { ...kiosk, revokedOn: '2026-12-01' } }),
    ],
  ],
  ['KioskStatusResponse', isKioskStatusResponse, KioskStatusResponseSchema, [json({ kiosk })]],
  [
    'IngestResponse',
    isIngestResponse,
    IngestResponseSchema,
    [
      { results: [] },
      {
        results: [
          { id: 'a', status: 'accepted' },
          { id: 'b', status: 'duplicate' },
          { id: '', status: 'rejected', code: 'ROUND_CLOSED', message: 'closed' },
        ],
        error: { code: 'BATCH_PARTIALLY_REJECTED', message: 'some' },
      },
    ],
  ],
  ['ErrorBody', isErrorBody, ErrorBodySchema, [{ error: { code: 'NOT_FOUND', message: 'none' } }]],
];

/** Every path to a value inside `value`, the value itself first. */
function pathsOf(value: Json, path: Path = []): Path[] {
  const inner =
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) =>
          pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
        )
      : [];
  return [path, ...inner];
}

type Change = { kind: 'delete' } | { kind: 'set'; to: Json } | { kind: 'add'; key: string; to: Json };

/** A copy of `value` with one change at `path` (undefined: the whole reply deleted). */
function changed(value: Json, path: Path, change: Change): unknown {
  if (path.length === 0 && change.kind !== 'add') return change.kind === 'set' ? change.to : undefined;
  const copy = structuredClone(value);
  const parentPath = change.kind === 'add' ? path : path.slice(0, -1);
  let parent = copy as Record<string | number, Json>;
  for (const key of parentPath) parent = parent[key] as Record<string | number, Json>;
  if (change.kind === 'add') {
    if (Array.isArray(parent)) parent.push(change.to);
    else if (parent !== null && typeof parent === 'object') parent[change.key] = change.to;
    return copy;
  }
  const last = path[path.length - 1]!;
  if (change.kind === 'set') parent[last] = change.to;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

/** Values near the contract's edges, and any JSON. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    '',
    ' ',
    'x'.repeat(201),
    '<html>log in</html>',
    0,
    -1,
    1.5,
    29,
    30,
    true,
    false,
    [],
    {},
    'draft',
    'open',
    'closed',
    'published',
    'valid',
    'used',
    'unknown',
    'accepted',
    'duplicate',
    'rejected',
    'nb',
    'nn',
    'en',
    'se',
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constant<Change>({ kind: 'delete' }),
  anyValue.map<Change>((to) => ({ kind: 'set', to })),
  fc
    .tuple(fc.constantFrom('extra', 'nb', 'se', 'settings', 'names', 'error', '__proto__'), anyValue)
    .map<Change>(([key, to]) => ({ kind: 'add', key, to })),
);

describe('the reply guards', () => {
  it.each(CONTRACTS)('take every %s of the contract', (_, guard, schema, samples) => {
    for (const sample of samples) {
      expect(Value.Check(schema, sample)).toBe(true);
      expect(guard(sample)).toBe(true);
    }
  });

  it.each(CONTRACTS)(
    'say what Value.Check says of a %s with one value deleted, replaced or added anywhere',
    (_, guard, schema, samples) => {
      const seen = { taken: 0, refused: 0 };
      fc.assert(
        fc.property(fc.constantFrom(...samples), fc.nat(), change, (sample, pick, edit) => {
          const paths = pathsOf(sample);
          const reply = changed(sample, paths[pick % paths.length]!, edit);
          const expected = Value.Check(schema, reply);
          seen[expected ? 'taken' : 'refused'] += 1;
          expect(guard(reply), JSON.stringify(reply)?.slice(0, 300)).toBe(expected);
        }),
        { numRuns: 3000 },
      );
      // Both sides of the line were tried: the property is not true of refusals alone.
      expect(seen.taken).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(100);
    },
  );

  const offContract: [string, Guard<unknown>, unknown][] = [
    ['a captive portal page', isCurrentRoundResponse, '<html>log in to the hotel wifi</html>'],
    ['null', isCurrentRoundResponse, null],
    ['an array', isEntryRoundsResponse, [round]],
    [
      'a round a respondent cannot answer yet (published)',
      isCurrentRoundResponse,
      { ...round, round: { ...round.round, status: 'published' } },
    ],
    [
      'a round name in a language the product does not speak',
      isCurrentRoundResponse,
      { ...round, round: { ...round.round, names: { se: 'Bargi' } } },
    ],
    [
      'a round name of spaces only',
      isCurrentRoundResponse,
      { ...round, round: { ...round.round, names: { nn: '   ' } } },
    ],
    [
      'an idle timeout under the minimum',
      isCurrentRoundResponse,
      { ...round, settings: { idleTimeoutSeconds: 29 } },
    ],
    [
      'a threshold that is not an integer',
      isCurrentRoundResponse,
      { ...round, round: { ...round.round, threshold: 5.5 } },
    ],
    [
      'a statement text missing a language',
      isCurrentRoundResponse,
      {
        ...round,
        questionnaire: {
          ...round.questionnaire,
          statements: [{ id: 's', factor: 'f', order: 1, text: { nb: 'a', nn: 'b' } }],
        },
      },
    ],
    [
      'a valid code without its unit',
      isCodeCheckResponse,
      {
        status: 'valid',
        round: { id: 'r', name: 'n', opensOn: 'a', closesOn: 'b', questionnaireVersion: 'v' },
      },
    ],
    ['a code status the contract does not have', isCodeCheckResponse, { status: 'maybe' }],
    ['a kiosk without revokedOn', isKioskStatusResponse, { kiosk: { ...kiosk, revokedOn: undefined } }],
    ['a kiosk credential that is a number', isKioskEnrolResponse, { credential: 42, kiosk }],
    [
      'a rejected item without its code',
      isIngestResponse,
      { results: [{ id: 'a', status: 'rejected', message: 'm' }] },
    ],
    ['results that are not a list', isIngestResponse, { results: { a: 'accepted' } }],
    ['an error without its message', isErrorBody, { error: { code: 'NOT_FOUND' } }],
  ];

  it.each(offContract)('refuse %s, as Value.Check does', (_, guard, reply) => {
    expect(guard(reply)).toBe(false);
    const [, , schema] = CONTRACTS.find(([, contractGuard]) => contractGuard === guard)!;
    expect(Value.Check(schema, reply)).toBe(false);
  });
});
