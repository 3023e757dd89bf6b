// How many of a unit's own responses in a round gave each background profile (migration 010): the
// counts the report rule needs to keep background groups safe across units and across questions.
// `profile` is canonical JSON, every background question of the version with its option value or
// "declined", keys sorted. Written at ingest with the other counts.
export interface BackgroundProfilesTable {
  round_id: string;
  unit_id: string;
  profile: string;
  responses: number;
}
