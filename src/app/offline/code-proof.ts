// Owns the proof that the person at the tablet holds the one-time code a draft was begun with,
// without the draft keeping the code: a salted, slow hash (PBKDF2-SHA-256 over WebCrypto) of the
// normalised code. The code itself lives only in memory (SurveyProvider) until the answer goes to
// the outbox; a reload or the start screen forgets it, and only the same code opens the draft
// again. Slow, so that the 31^8 possible codes cannot be tried against a copied draft in a day.
// A chunk of its own (drafts.ts imports it when a code begins or opens a draft, and main.tsx
// fetches it right after the first render); reading a stored proof back is normalise.ts's.

/** Salt and hash, base64. */
export interface CodeProof {
  salt: string;
  hash: string;
}

const ITERATIONS = 50_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
}

async function derive(code: string, salt: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  // WebCrypto needs a secure context, which the PWA (a service worker) needs anyway.
  if (!subtle) throw new Error('WebCrypto is not available');
  const key = await subtle.importKey('raw', new TextEncoder().encode(code), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: ITERATIONS },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** A fresh proof for a normalised code. */
export async function proveCode(code: string): Promise<CodeProof> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { salt: toBase64(salt), hash: toBase64(await derive(code, salt)) };
}

/** Whether a normalised code is the one the proof was made from. A broken proof matches nothing. */
export async function matchesCode(code: string, proof: CodeProof): Promise<boolean> {
  let salt: Uint8Array;
  let expected: Uint8Array;
  try {
    salt = fromBase64(proof.salt);
    expected = fromBase64(proof.hash);
  } catch {
    return false;
  }
  if (salt.length !== SALT_BYTES || expected.length !== HASH_BITS / 8) return false;
  const actual = await derive(code, salt);
  let difference = 0;
  actual.forEach((byte, i) => (difference |= byte ^ expected[i]!));
  return difference === 0;
}
