// The draft's proof of its one-time code: only the same code matches, no two proofs look alike,
// a broken or old-style row opens for nobody, and a coded draft is never sent without its code.
import { beforeEach, describe, expect, it } from 'vitest';
import { draftMatchesCode, loadDraft, startDraft, submitDraft } from '../../../src/app/offline';
import { matchesCode, proveCode } from '../../../src/app/offline/code-proof';
import { getDb } from '../../../src/app/offline/db';
import { NoDraftError } from '../../../src/app/offline/errors';
import { generateCode, webRandomBytes } from '../../../src/shared/codes';
import { roundFixture } from '../support/fixtures';
import { useFreshDb } from './fakes';

beforeEach(useFreshDb);

const newCode = () => generateCode(webRandomBytes);

describe('the code proof', () => {
  it('matches the code it was made from and no other', async () => {
    const code = newCode();
    const proof = await proveCode(code);
    expect(await matchesCode(code, proof)).toBe(true);
    expect(await matchesCode(newCode(), proof)).toBe(false);
    expect(JSON.stringify(proof)).not.toContain(code);
  });

  it('is salted: the same code never gives the same proof twice', async () => {
    const code = newCode();
    const [a, b] = await Promise.all([proveCode(code), proveCode(code)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('matches nothing when broken', async () => {
    const code = newCode();
    const proof = await proveCode(code);
    expect(await matchesCode(code, { ...proof, hash: 'not base64!' })).toBe(false);
    expect(await matchesCode(code, { ...proof, salt: btoa('short') })).toBe(false);
  });
});

describe('a draft begun with a code', () => {
  it('keeps the proof, opens for its code only, and is sent only with it', async () => {
    const code = newCode();
    const draft = await startDraft(roundFixture().round, 'nb', { code });
    expect(JSON.stringify(await getDb().draft.toArray())).not.toContain(code);
    expect(await draftMatchesCode(draft, code)).toBe(true);
    expect(await draftMatchesCode(draft, newCode())).toBe(false);

    await expect(submitDraft()).rejects.toBeInstanceOf(NoDraftError);
    expect(await getDb().outbox.count()).toBe(0);
    await submitDraft({ code });
    expect((await getDb().outbox.toArray())[0]!.code).toBe(code);
  });

  it('a draft without a code opens for no code, and sends none', async () => {
    const draft = await startDraft(roundFixture().round, 'nb');
    expect(await draftMatchesCode(draft, newCode())).toBe(false);
    await submitDraft({ code: newCode() });
    expect((await getDb().outbox.toArray())[0]!.code).toBeUndefined();
  });

  it('is dropped when its proof is broken or it holds a code in clear (an older version)', async () => {
    const base = await startDraft(roundFixture().round, 'nb', { code: newCode() });
    await getDb().draft.put({ ...base, key: 'current', codeProof: { salt: 1 } } as never);
    expect(await loadDraft({ maxAgeMs: 60_000 })).toBeUndefined();

    await getDb().draft.put({ ...base, key: 'current', code: newCode() } as never);
    expect(await loadDraft({ maxAgeMs: 60_000 })).toBeUndefined();
    expect(await getDb().draft.count()).toBe(0);
  });
});
