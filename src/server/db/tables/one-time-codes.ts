// Personal one-time codes, stored only as HMAC-SHA256(key, normalised code). Deliberately no
// timestamp, no sequence and no link to responses: the code row and the answer it let in share
// nothing but the unit and round, which are on every answer of that unit anyway.
export interface OneTimeCodesTable {
  code_hash: string;
  round_id: string;
  unit_id: string;
  municipality_id: string;
  /** 0/1. Set by the ingest transaction with UPDATE … WHERE used = 0, so a code admits one answer. */
  used: number;
}
