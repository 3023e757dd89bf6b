import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../src/server/auth/password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('korrekt hest batteri stift');
    expect(await verifyPassword('korrekt hest batteri stift', stored)).toBe(true);
    expect(await verifyPassword('korrekt hest batteri stift ', stored)).toBe(false);
    expect(await verifyPassword('Korrekt hest batteri stift', stored)).toBe(false);
  });

  it('stores a self-describing scrypt string with a fresh salt each time', async () => {
    const a = await hashPassword('samme passord her');
    const b = await hashPassword('samme passord her');
    const { N, r, p } = DEFAULT_SCRYPT;
    expect(a).toMatch(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(N).toBeGreaterThanOrEqual(2 ** 15);
    expect(a).not.toBe(b);
    expect(a).not.toContain('samme');
  });

  it('verifies with the parameters stored in the hash, so the cost can change later', async () => {
    const cheap = await hashPassword('et gammelt passord', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('et gammelt passord', cheap)).toBe(true);
  });

  it('treats composed and decomposed letters as the same password', async () => {
    const stored = await hashPassword('blåbærsyltetøy\u00e5'.normalize('NFC'));
    expect(await verifyPassword('blåbærsyltetøy\u00e5'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses stored strings it did not make, including parameters that would exhaust memory', async () => {
    const stored = await hashPassword('et passord til test');
    const [, , r, p, salt, key] = stored.split('$');
    for (const bad of [
      '',
      'plaintext',
      `bcrypt$${stored.slice(7)}`,
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`,
      `${stored}$extra`,
      `scrypt$${DEFAULT_SCRYPT.N}$${r}$${p}$${salt}$${key!.slice(0, 20)}`,
    ]) {
      expect(await verifyPassword('et passord til test', bad)).toBe(false);
    }
  });
});
