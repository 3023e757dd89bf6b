// A round's reporting frame, frozen when the round opens (migration 009): the report settings as
// they were then (round_frames) and the unit tree as it stood (round_frame_units). Reports of the
// round read these, never the live units table, so a later reorganisation, rename or new
// employee count cannot change a figure or a suppression. Flags are 0/1 integers.
export interface RoundFramesTable {
  round_id: string;
  threshold: number;
  open_question_enabled: number;
  background_enabled: number;
  open_answer_threshold: number;
  /** 0/1: the frame's root had no parent at opening (the round covers the whole municipality). */
  root_is_municipality: number;
}

export interface RoundFrameUnitsTable {
  round_id: string;
  /** The unit's id (no foreign key: the frame outlives a later change of the unit). */
  unit_id: string;
  /** The parent within the frame; null for the frame's root. */
  parent_id: string | null;
  name: string;
  unit_type: string | null;
  employee_count: number | null;
  /** 0/1: open kiosk mode at opening (decides who counts as invited). */
  open_kiosk: number;
  /** 0, 1, 2, …: parents first, siblings in a stable order; the order the reports list units in. */
  position: number;
}
