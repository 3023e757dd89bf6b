// The presenter's state: the leader view (join code and token) loaded once, and the snapshot kept
// up to date from two sources, the live stream and the reply to each of the leader's own
// controls. Whichever is newer wins (`version` grows with every change), so a late stream message
// never rolls the screen back. The phase clock is anchored when a snapshot arrives, so it counts
// down from the seconds the server had left, whatever this device's clock says.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Value } from '@sinclair/typebox/value';
import {
  MeetingSnapshotSchema,
  type MeetingLeaderView,
  type MeetingSnapshot,
} from '../../../shared/api/meetings';
import { meetingEventsUrl, meetingsApi } from '../api/meetings';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { subscribeMeeting, type StreamStatus } from '../../ui/meeting/meeting-events';
import { clockFromServer, type PhaseClock } from '../../ui/meeting/timer';

export type MeetingsApi = ReturnType<typeof meetingsApi>;

interface Shown {
  snapshot: MeetingSnapshot;
  clock: PhaseClock | null;
  /** The latest vote seen: the choose step proposes its top two, and its own snapshot may have none. */
  lastVote: MeetingSnapshot['vote'];
}

type JoinInfo = Omit<MeetingLeaderView, 'snapshot'>;

const shown = (snapshot: MeetingSnapshot, prev: Shown | undefined): Shown => ({
  snapshot,
  clock: snapshot.timer ? clockFromServer(snapshot.timer, Date.now()) : null,
  lastVote: snapshot.vote ?? prev?.lastVote ?? null,
});

/** Runs one of the leader's requests; true when it went through. */
export type Act = (call: (api: MeetingsApi) => Promise<MeetingLeaderView>) => Promise<boolean>;

export function usePresenter(meetingId: string) {
  const { request } = useSession();
  const api = useMemo(() => meetingsApi(request), [request]);
  const [current, setCurrent] = useState<Shown>();
  const [join, setJoin] = useState<JoinInfo>();
  const [loadError, setLoadError] = useState<StaffApiError>();
  const [actionError, setActionError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const [stream, setStream] = useState<StreamStatus>('connecting');

  const applySnapshot = useCallback((snapshot: MeetingSnapshot) => {
    setCurrent((prev) => (!prev || snapshot.version > prev.snapshot.version ? shown(snapshot, prev) : prev));
  }, []);

  const applyView = useCallback(
    ({ snapshot, ...rest }: MeetingLeaderView) => {
      setJoin(rest);
      applySnapshot(snapshot);
    },
    [applySnapshot],
  );

  useEffect(() => {
    let isCurrent = true;
    api.get(meetingId).then(
      (view) => {
        if (isCurrent) applyView(view);
      },
      (error: unknown) => {
        if (isCurrent) setLoadError(toStaffApiError(error));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, meetingId, applyView]);

  useEffect(
    () =>
      subscribeMeeting<MeetingSnapshot>({
        url: meetingEventsUrl(meetingId),
        parse: (data) =>
          Value.Check(MeetingSnapshotSchema, data) && data.meetingId === meetingId ? data : null,
        onSnapshot: applySnapshot,
        onStatus: setStream,
      }),
    [meetingId, applySnapshot],
  );

  const act: Act = useCallback(
    async (call) => {
      setIsBusy(true);
      setActionError(undefined);
      try {
        applyView(await call(api));
        return true;
      } catch (caught) {
        setActionError(toStaffApiError(caught));
        return false;
      } finally {
        setIsBusy(false);
      }
    },
    [api, applyView],
  );

  return { api, current, join, loadError, actionError, isBusy, stream, act };
}
