// Owns the cryptography of the sealed inbox: a round key (32 random bytes) seals each answer with
// AES-256-GCM; the round key is kept only wrapped (AES-256-GCM again) by the seal key, which lives
// outside the database (./seal-key.ts). The clear columns of an inbox row (receipt, round, unit,
// key id) are bound in as associated data, so a row cannot be moved to another round or unit.
//
// Every sealed answer is padded to a multiple of PAD_BYTES before sealing: the length of a row
// would otherwise tell roughly how long its open answer is, and that would pair an inbox row (and
// so the code used in the same transaction) with a released response. Answers of ordinary length
// (any open answer up to its 2,000 characters in Norwegian or English) all take one block; only
// an open answer of mostly 3- or 4-byte characters (emoji, CJK) near its limit takes two.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { NewResponse } from '../ingest/types';

export const PAD_BYTES = 6144;
const NONCE = 12;
const TAG = 16;

/** What an inbox row seals: the response without its client UUID (the receipt stands for it). */
export type SealedAnswer = Omit<NewResponse, 'id'>;

function seal(key: Uint8Array, plain: Buffer, aad: string): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** Throws when the key is not the one that sealed it, or the bytes or clear columns were changed. */
function open(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(NONCE, NONCE + TAG));
  return Buffer.concat([decipher.update(bytes.subarray(NONCE + TAG)), decipher.final()]);
}

export function newRoundKey(): { keyId: string; key: Buffer } {
  return { keyId: randomBytes(16).toString('hex'), key: randomBytes(32) };
}

export function wrapRoundKey(sealKey: Uint8Array, roundId: string, keyId: string, key: Uint8Array): Buffer {
  return seal(sealKey, Buffer.from(key), `round-key\u0000${roundId}\u0000${keyId}`);
}

export function unwrapRoundKey(sealKey: Uint8Array, roundId: string, keyId: string, wrapped: Uint8Array) {
  return open(sealKey, wrapped, `round-key\u0000${roundId}\u0000${keyId}`);
}

interface ClearColumns {
  receipt: string;
  roundId: string;
  unitId: string;
  keyId: string;
}

const aadOf = (c: ClearColumns) =>
  `answer\u0000${c.receipt}\u0000${c.roundId}\u0000${c.unitId}\u0000${c.keyId}`;

export function sealAnswer(roundKey: Uint8Array, clear: ClearColumns, answer: SealedAnswer): Buffer {
  const json = Buffer.from(JSON.stringify(answer), 'utf8');
  const size = Math.ceil((json.length + 4) / PAD_BYTES) * PAD_BYTES;
  const plain = Buffer.alloc(size);
  plain.writeUInt32BE(json.length, 0);
  json.copy(plain, 4);
  return seal(roundKey, plain, aadOf(clear));
}

export function openAnswer(roundKey: Uint8Array, clear: ClearColumns, sealed: Uint8Array): SealedAnswer {
  const plain = open(roundKey, sealed, aadOf(clear));
  return JSON.parse(plain.subarray(4, 4 + plain.readUInt32BE(0)).toString('utf8')) as SealedAnswer;
}

/** A keyed fingerprint of the seal key for server_meta: the same key, the same fingerprint. */
export function sealKeyFingerprint(sealKey: Uint8Array): string {
  return createHmac('sha256', sealKey).update('tifaktor seal key fingerprint v1', 'utf8').digest('hex');
}
