import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText, toStorableText } from '../../src/shared/text';
describe('storable text', () => {
  it('keeps what people type: tabs, line breaks, letters of any script, emoji', () => {
    for (const text of [
      '',
      'Fint her',
      'a\tb',
      'a\nb\r\nc',
      'Ærlig talt, ø og å',
      'مرحبا',
      '🙂👍🏽',
      '\u00a0\u2028',
    ]) {
      expect(isStorableText(text)).toBe(true);
    }
  });

  it('refuses control characters no person types and lone surrogates', () => {
    const refused = [
      ...Array.from({ length: 9 }, (_, i) => i),
      0x0b,
      0x0c,
      ...Array.from({ length: 18 }, (_, i) => 0x0e + i),
      0x7f,
    ].map((code) => `a${String.fromCharCode(code)}b`);
    refused.push('a\ud800', '\udfffa', 'a\ude00\ud83d');
    expect(refused.filter((text) => isStorableText(text))).toEqual([]);
  });

  it('finds such text at any depth, in values and in keys', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\u0000' }] })).toBe('/a/1/b');
    expect(findUnstorableText({ a: { 'k\u0001': 1 } })).toBe('/a');
    expect(findUnstorableText('x\u0000')).toBe('');
    expect(findUnstorableText({ a: [1, null, true, 'ok'] })).toBeUndefined();
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toBe('/0'.repeat(200_000));
  });
});

describe('making pasted text storable', () => {
  it('turns manual line and page breaks into line breaks and drops the rest, keeping emoji', () => {
    expect(toStorableText('a\u000Bb\u000Cc')).toBe('a\nb\nc');
    expect(toStorableText('x\u0000\u001F\u007Fy \uDC00z \uD83D\uDE00')).toBe('xy z \uD83D\uDE00');
    expect(toStorableText('tab\there\r\nok')).toBe('tab\there\r\nok');
  });

  it('always gives text the server takes', () => {
    const nasty =
      Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c)).join('') + '\uD800\uDFFF\uDBFF';
    expect(isStorableText(toStorableText(nasty))).toBe(true);
  });
});
