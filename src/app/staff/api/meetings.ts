// The staff side of src/shared/api/meetings.ts: the leader creates a meeting for a unit, runs it
// from the presenter screen (timer, phases, reveal, roles), types for a group in one-device mode,
// writes the outcome into the unit's draft plan and approves the summary. The live stream's
// address is here too (meetingEventsUrl) for ui/meeting/meeting-events.ts; fetch stays in client.ts.
import type { Static } from '@sinclair/typebox';
import type {
  ApproveSummaryBodySchema,
  ChooseFocusBodySchema,
  ContributeBody,
  CreateMeetingBody,
  GroupContributionBodySchema,
  MeetingControlBody,
  MeetingLeaderView,
  MeetingListSchema,
  MeetingMeasuresBodySchema,
  MeetingReviewBodySchema,
  MeetingResults,
  ContributeAnswerSchema,
} from '../../../shared/api/meetings';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { StaffRequest } from './client';

type MeetingList = Static<typeof MeetingListSchema>;
type ContributeAnswer = Static<typeof ContributeAnswerSchema>;

export const meetingEventsUrl = (meetingId: string): string =>
  apiPath(STAFF_PATHS.meetingEvents, { meetingId });

export const meetingsApi = (request: StaffRequest) => ({
  list: (roundId: string, unitId: string) =>
    request<MeetingList>(
      'GET',
      `${apiPath(STAFF_PATHS.meetings)}?${new URLSearchParams({ roundId, unitId }).toString()}`,
    ),
  create: (body: CreateMeetingBody) =>
    request<MeetingLeaderView>('POST', apiPath(STAFF_PATHS.meetings), body),
  get: (meetingId: string) => request<MeetingLeaderView>('GET', apiPath(STAFF_PATHS.meeting, { meetingId })),
  control: (meetingId: string, body: MeetingControlBody) =>
    request<MeetingLeaderView>('POST', apiPath(STAFF_PATHS.meetingControl, { meetingId }), body),
  /** One-device mode: the group's secretary types on the leader's tablet (body.group set). */
  contribute: (meetingId: string, body: ContributeBody) =>
    request<ContributeAnswer>('POST', apiPath(STAFF_PATHS.meetingContributions, { meetingId }), body),
  group: (meetingId: string, contributionId: string, label: string | null) =>
    request<MeetingLeaderView>(
      'PUT',
      apiPath(STAFF_PATHS.meetingContributionGroup, { meetingId, contributionId }),
      {
        contributionId,
        label,
      } satisfies Static<typeof GroupContributionBodySchema>,
    ),
  /** The unit's figures for the results step (the report's, null where hidden). */
  results: (meetingId: string) =>
    request<MeetingResults>('GET', apiPath(STAFF_PATHS.meetingResults, { meetingId })),
  chooseFocus: (meetingId: string, body: Static<typeof ChooseFocusBodySchema>) =>
    request<MeetingLeaderView>('POST', apiPath(STAFF_PATHS.meetingFocus, { meetingId }), body),
  measures: (meetingId: string, body: Static<typeof MeetingMeasuresBodySchema>) =>
    request<MeetingLeaderView>('POST', apiPath(STAFF_PATHS.meetingMeasures, { meetingId }), body),
  review: (meetingId: string, body: Static<typeof MeetingReviewBodySchema>) =>
    request<MeetingLeaderView>('POST', apiPath(STAFF_PATHS.meetingReview, { meetingId }), body),
  approve: (meetingId: string, body: Static<typeof ApproveSummaryBodySchema>) =>
    request<MeetingLeaderView>('POST', apiPath(STAFF_PATHS.meetingApprove, { meetingId }), body),
});
