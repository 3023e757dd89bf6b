// The sealed inbox (011-sealed-inbox): answers waiting for their round's release, each sealed with
// the round's key (src/server/release/seal.ts). Round and unit in clear for the live counts;
// nothing else, no time.
export interface SealedInboxTable {
  /** Keyed hash of the client's UUID (idempotency); also the key, so rows sit in random order. */
  receipt: string;
  round_id: string;
  unit_id: string;
  /** Which round key sealed it (round_seal_keys.key_id). */
  key_id: string;
  /** nonce | tag | AES-256-GCM ciphertext of the padded answer. */
  sealed: Uint8Array;
}

/** A round's answer key, wrapped by the seal key that lives outside the database (011). */
export interface RoundSealKeysTable {
  round_id: string;
  key_id: string;
  wrapped: Uint8Array;
}

/** Receipts of released answers: a resend after the release is still answered duplicate (011). */
export interface IngestReceiptsTable {
  receipt: string;
  round_id: string;
}
