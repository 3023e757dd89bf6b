// The client secret at rest: it opens with the seal key it was sealed with, for the municipality
// it was sealed for, and with nothing else (another key, another municipality's row, a changed byte).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openClientSecret, sealClientSecret } from '../../../src/server/oidc/secret';

describe('the sealed client secret', () => {
  const key = randomBytes(32);
  const sealed = sealClientSecret(key, 'm1', 'entra-client-secret~value');

  it('opens with its seal key for its municipality, and holds no readable secret', () => {
    expect(openClientSecret(key, 'm1', sealed)).toBe('entra-client-secret~value');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('entra-client-secret');
    expect(sealClientSecret(key, 'm1', 'entra-client-secret~value')).not.toBe(sealed);
  });

  it('does not open with another key, for another municipality, or changed', () => {
    expect(openClientSecret(randomBytes(32), 'm1', sealed)).toBeUndefined();
    expect(openClientSecret(key, 'm2', sealed)).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(openClientSecret(key, 'm1', bytes.toString('base64url'))).toBeUndefined();
    expect(openClientSecret(key, 'm1', 'short')).toBeUndefined();
  });
});
