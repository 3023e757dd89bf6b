// The first gate for one item of a batch: does it have the shape of a SubmittedResponse? Items are
// checked one by one (not by Fastify's schema for the whole body) so that one bad item is rejected
// on its own and the others are still stored.
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ErrorCode } from '../../shared/api/errors';
import { SubmittedResponseSchema, type SubmittedResponse } from '../../shared/api/respondent';
import { findUnstorableText } from '../../shared/text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// TypeBox knows no formats by itself; without this every "uuid" field would fail the check.
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));

export type ParsedItem =
  { ok: true; value: SubmittedResponse } | { ok: false; id: string; code: ErrorCode; message: string };

/** The id to echo in the result: what the client sent if it can be one of its ids, else "". */
export function echoId(item: unknown): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 100 ? id : '';
}

/** A more precise code when every schema error lies in one field with its own code. */
function codeFor(paths: string[]): ErrorCode {
  if (paths.every((p) => p.startsWith('/answers/'))) return 'VALUE_OUT_OF_RANGE';
  if (paths.every((p) => p === '/answeredOn')) return 'INVALID_DATE';
  return 'INVALID_RESPONSE';
}

export function parseItem(item: unknown): ParsedItem {
  const id = echoId(item);
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, id, code: 'INVALID_RESPONSE', message: 'A response must be an object' };
  }
  if (Value.Check(SubmittedResponseSchema, item)) {
    // Before any of it reaches SQL: PostgreSQL refuses U+0000 (the route leaves this to us).
    const bad = findUnstorableText(item);
    if (bad === undefined) return { ok: true, value: item };
    const field = bad === '' ? 'response' : bad.slice(1);
    return {
      ok: false,
      id,
      code: 'INVALID_TEXT',
      message: `${field}: holds a control character or a lone surrogate`,
    };
  }
  const errors = [...Value.Errors(SubmittedResponseSchema, item)];
  const first = errors[0];
  const code = codeFor(errors.map((e) => e.path));
  const where = first?.path ? first.path.slice(1) : 'response';
  const message =
    code === 'VALUE_OUT_OF_RANGE'
      ? 'Every answer must be an integer from 1 to 5, or null'
      : `${where}: ${first?.message ?? 'does not match the response shape'}`;
  return { ok: false, id, code, message };
}
