// The client secret at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the app's seal key,
// which lives outside the database (release/seal-key.ts), so a copy of the database does not carry
// a usable secret. The municipality id is the additional data: a sealed secret moved to another
// municipality's row does not open. Or the admin names an environment variable instead, and the
// secret never enters the database at all.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function secretKey(sealKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', sealKey, 'tifaktor', 'oidc-client-secret', 32));
}

export function sealClientSecret(sealKey: Uint8Array, municipalityId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secretKey(sealKey), iv);
  cipher.setAAD(Buffer.from(municipalityId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** undefined when the seal key is another one or the text was changed. */
export function openClientSecret(
  sealKey: Uint8Array,
  municipalityId: string,
  sealed: string,
): string | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secretKey(sealKey), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(municipalityId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
