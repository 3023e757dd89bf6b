// The meeting tables (017-meetings). JSON columns are text; flags are 0/1; times are ISO strings.
// Nothing here names an employee: a participant is a hashed cookie token, a contribution has no author.
import type { IgpPhase, MeetingState, MeetingTemplate } from '../../../shared/meetings';

export interface MeetingsTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  round_id: string;
  template: MeetingTemplate;
  language: string;
  groups: number;
  one_device: number;
  state: MeetingState;
  /** JSON: MeetingStep[]. */
  steps: string;
  step_index: number;
  phase: IgpPhase | null;
  timer_running: number;
  timer_duration_seconds: number;
  /** Seconds left at timer_started_at (running) or now (paused). */
  timer_remaining_seconds: number;
  timer_started_at: string | null;
  /** JSON: { group, roles }[] or null. */
  roles: string | null;
  /** JSON: the step indexes revealed. */
  revealed_steps: string;
  code_hash: string | null;
  token_hash: string | null;
  expires_at: string;
  /** JSON: { keep, improve } or null. */
  focus: string | null;
  plan_id: string | null;
  summary: string | null;
  version: number;
  created_at: string;
}

export interface MeetingParticipantsTable {
  id: string;
  meeting_id: string;
  token_hash: string;
}

export interface MeetingContributionsTable {
  id: string;
  meeting_id: string;
  step_index: number;
  phase: IgpPhase;
  group_no: number | null;
  label: string | null;
  text: string;
  /** 1 once revealed. */
  shown: number;
  client_key: string;
}

export interface MeetingCountersTable {
  meeting_id: string;
  writer: string;
  slot: string;
  count: number;
}

export interface MeetingBallotsTable {
  meeting_id: string;
  step_index: number;
  client_key: string;
  participant_id: string;
  dots: number;
}

export interface MeetingVoteDotsTable {
  meeting_id: string;
  step_index: number;
  option_id: string;
  dots: number;
}
