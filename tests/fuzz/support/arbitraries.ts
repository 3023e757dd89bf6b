// What the fuzz sends, as fast-check arbitraries: for a route, its path parameters (known ids,
// random and hostile text, %00, very long ids), a query string, a body (one that follows the
// route's own body schema, the same with one part broken, random JSON, raw text that is not JSON,
// a body over the size limit, deep nesting) and a content type. Huge bodies are drawn as a size
// and built only when sent, so sampling stays cheap.
import fc from 'fast-check';

export interface RouteInfo {
  method: string;
  url: string;
  bodySchema?: unknown;
  /** Bodies the route takes, when a walk over its schema would hardly ever draw one (the ingest). */
  validBodies?: fc.Arbitrary<unknown>;
}

export type Auth = 'anonymous' | 'admin' | 'kiosk';

export type BodyCase =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'huge'; bytes: number }
  | { kind: 'deep'; depth: number };

export interface FuzzCase {
  route: number;
  auth: Auth;
  /** Path parameter values, already in URL form (raw ones like %00 stay as they are). */
  params: string[];
  query: string;
  body: BodyCase;
  contentType: string | undefined;
}

/** Ids the test world has, so some requests get past "not found" into the route's own checks. */
const KNOWN_IDS = [
  'round-open',
  'round-draft',
  'round-closed',
  'round-plain',
  'authz-round-published',
  'authz-round-closed',
  'unit',
  'dept',
  'other',
  'sector',
  'm1',
  'm2-unit',
  'authz-admin',
  'authz-leader-a',
  'authz-roles-target',
  'authz-doomed',
  'kiosk-dept',
  'test-v1',
  'gender',
  'Sykehjem',
];

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\u007f',
  '\ud800',
  'x\udfffy',
  '\u202e\u200b\ufeff',
  '😀👩‍👩‍👧',
  'ＡＢＣ＝１',
  'Ærøy Åse',
  '<script>alert(1)</script>',
  "'; drop table responses; --",
  '../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  '=cmd|/c calc',
  '1e999',
  'null',
  'true',
];

const text = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...KNOWN_IDS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.nat({ max: 5000 }).map((n) => 'x'.repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 4294967296),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of the wrong kind, or a right kind at its edges. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  nastyNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { '': '' }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.nat({ max: 300 }).map((depth) => nest(depth, 'x')),
);

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

type Schema = Record<string, unknown>;

/** A value that follows a TypeBox (JSON Schema) body schema, as far as this small walker knows it. */
function fromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema !== 'object' || schema === null || depth > 6) return nastyValue;
  const s = schema as Schema;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0)
      return fc.oneof(...options.map((o) => fromSchema(o, depth + 1)));
  }
  const type = Array.isArray(s.type) ? (s.type[0] as string) : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set((s.required ?? []) as string[]);
      const keys = Object.keys(properties);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) record[key] = fromSchema(properties[key], depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
    case 'array': {
      const maxItems = Math.min(typeof s.maxItems === 'number' ? s.maxItems : 5, 5);
      const minItems = Math.min(typeof s.minItems === 'number' ? s.minItems : 0, maxItems);
      return fc.array(fromSchema(s.items, depth + 1), { minLength: minItems, maxLength: maxItems });
    }
    case 'string': {
      if (typeof s.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= 200);
        } catch {
          return text;
        }
      }
      if (s.format === 'date') return fc.constantFrom('2026-03-10', '2026-03-01', '2026-02-30', '2026-13-01');
      const maxLength = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 60) : 30;
      const minLength = Math.min(typeof s.minLength === 'number' ? s.minLength : 0, maxLength);
      // Known ids only where one fits: a filter that nothing passes never ends (a join token's
      // 32 characters at least are longer than every fixture id).
      const fitting = KNOWN_IDS.filter((v) => v.length >= minLength && v.length <= maxLength);
      const anyString = fc.string({ minLength, maxLength });
      return fitting.length > 0 ? fc.oneof(fc.constantFrom(...fitting), anyString) : anyString;
    }
    case 'integer': {
      const min = typeof s.minimum === 'number' ? s.minimum : -10;
      const max = typeof s.maximum === 'number' ? Math.min(s.maximum, min + 1000) : min + 100;
      return fc.integer({ min, max });
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // Record (patternProperties) and other shapes: an object of a few random keys.
      if (typeof s.patternProperties === 'object') {
        const values = Object.values(s.patternProperties as Record<string, unknown>);
        return fc.dictionary(fc.string({ maxLength: 10 }), fromSchema(values[0], depth + 1), { maxKeys: 4 });
      }
      return nastyValue;
  }
}

type Mutation = 'replace' | 'add-key' | 'delete-key' | 'wrap';

/** The value with one part broken: a leaf (or the whole) replaced, a key added or taken away. */
function mutate(value: unknown, pick: number, op: Mutation, nasty: unknown, key: string): unknown {
  const nodes: { parent: unknown; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((child, i): [number, unknown] => [i, child])
      : Object.entries(node);
    for (const [k, child] of entries) {
      nodes.push({ parent: node, key: k });
      walk(child);
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  const objects = [copy, ...nodes.map((n) => (n.parent as Record<string | number, unknown>)[n.key])].filter(
    (n): n is Record<string, unknown> => typeof n === 'object' && n !== null && !Array.isArray(n),
  );
  switch (op) {
    case 'replace': {
      if (nodes.length === 0) return nasty;
      const at = nodes[pick % nodes.length]!;
      (at.parent as Record<string | number, unknown>)[at.key] = nasty;
      return copy;
    }
    case 'add-key': {
      const target = objects[pick % Math.max(objects.length, 1)];
      if (!target) return { [key]: nasty };
      target[key] = nasty;
      return copy;
    }
    case 'delete-key': {
      const target = objects[pick % Math.max(objects.length, 1)];
      const keys = target ? Object.keys(target) : [];
      if (target && keys.length > 0) delete target[keys[pick % keys.length]!];
      return copy;
    }
    case 'wrap':
      return [copy];
  }
}

const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  '[1,2',
  'nul',
  'null',
  '[]',
  '"text"',
  '1e999',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '\u0000',
  '{"x":"\\u0000"}',
  '{"x":"\\ud800"}',
  '\ufeff{}',
  'a=1&b=2',
  '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--boundary--',
  '<?xml version="1.0"?><a/>',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=boundary',
  'application/xml',
  'application/octet-stream',
  'application/json\u0000',
  '',
  ';;;',
];

export function bodyArbitrary(route: RouteInfo): fc.Arbitrary<BodyCase> {
  const valid =
    route.validBodies ??
    (route.bodySchema === undefined ? fc.jsonValue({ maxDepth: 2 }) : fromSchema(route.bodySchema));
  const broken = fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom<Mutation>('replace', 'replace', 'add-key', 'delete-key', 'wrap'),
      nastyValue,
      text,
    )
    .map(([value, pick, op, nasty, key]) => mutate(value, pick, op, nasty, key));
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((value): BodyCase => ({ kind: 'json', value })) },
    { weight: 6, arbitrary: broken.map((value): BodyCase => ({ kind: 'json', value })) },
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): BodyCase => ({ kind: 'json', value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...RAW_BODIES), fc.string({ unit: 'binary', maxLength: 60 }))
        .map((t): BodyCase => ({ kind: 'raw', text: t })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(1_048_000, 1_048_577, 3_000_000)
        .map((bytes): BodyCase => ({ kind: 'huge', bytes })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(100, 1_000, 10_000, 100_000)
        .map((depth): BodyCase => ({ kind: 'deep', depth })),
    },
    { weight: 1, arbitrary: fc.constant<BodyCase>({ kind: 'none' }) },
  );
}

/** encodeURIComponent, except that a lone surrogate goes out as its 3 (WTF-8) bytes instead of throwing. */
function encodePart(value: string): string {
  let out = '';
  for (const ch of value) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const paramValue = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KNOWN_IDS).map(encodePart) },
  { weight: 4, arbitrary: text.map(encodePart) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%00',
      'a%00b',
      '%',
      '%zz',
      '%E0%A4%A',
      '..%2F..',
      '%2e%2e',
      '%C0%AE',
      '%ff%fe',
      '%F0%9F%98%80',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(300, 5_000, 70_000).map((n) => 'i'.repeat(n)) },
);

const queryString = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom('unitId', 'roundId', 'id', 'lang', 'a[b]', '__proto__'), text),
          text,
        ),
        { maxLength: 3 },
      )
      .map((pairs) => `?${pairs.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&')}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '?%00=%00',
      '?a=%zz',
      '?a&a&a',
      `?x=${'y'.repeat(20_000)}`,
      '?unitId=unit&unitId=dept',
    ),
  },
);

export function caseArbitrary(routes: readonly RouteInfo[]): fc.Arbitrary<FuzzCase> {
  // Routes with bodies of their own (the ingest) are drawn more often: that is where answers get in.
  const favoured = routes.flatMap((r, i) => (r.validBodies ? [i] : []));
  const pick = favoured.length
    ? fc.oneof(
        { weight: 9, arbitrary: fc.nat({ max: routes.length - 1 }) },
        { weight: 1, arbitrary: fc.constantFrom(...favoured) },
      )
    : fc.nat({ max: routes.length - 1 });
  return pick.chain((route) => {
    const info = routes[route]!;
    const params = (info.url.match(/:[A-Za-z0-9_]+/g) ?? []).length;
    return fc.record({
      route: fc.constant(route),
      auth: fc.constantFrom<Auth>('anonymous', 'admin', 'admin', 'kiosk'),
      params: fc.array(paramValue, { minLength: params, maxLength: params }),
      query: queryString,
      body:
        info.method === 'GET' || info.method === 'HEAD'
          ? fc.constant<BodyCase>({ kind: 'none' })
          : bodyArbitrary(info),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 8 }).map((c) => c ?? undefined),
    });
  });
}

/** The URL of a case: the route's pattern with its parameters filled in. */
export function caseUrl(route: RouteInfo, c: FuzzCase): string {
  let i = 0;
  return route.url.replace(/:[A-Za-z0-9_]+/g, () => c.params[i++] ?? 'x') + c.query;
}

/** The bytes of a case's body, built only now for the large ones. */
export function casePayload(body: BodyCase): string | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return JSON.stringify(body.value) ?? 'null';
    case 'raw':
      return body.text;
    case 'huge':
      return JSON.stringify({ name: 'x'.repeat(body.bytes) });
    case 'deep':
      return '['.repeat(body.depth) + ']'.repeat(body.depth);
  }
}
