// The participant's phone (/mote, /mote#<token>): join with the short code or the QR link's
// token, follow the meeting, and forget it when it is over. Opened with a token, it joins at once
// and takes the token out of the address bar first (history.replaceState through the router), so
// it is neither left on screen nor in the browser's history. A reload finds the meeting again by
// the participant cookie (HttpOnly, set by the server), which the page cannot read or keep.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { JoinBody, ParticipantView } from '../../../shared/api/meetings';
import { createMeetingLive } from '../../connection/meeting-live';
import { dropMeeting, pendingContributions } from '../../offline/meeting-outbox';
import { tokenFromHash } from './join-code';
import { joinProblem } from './join-problem';
import { JoinForm, type FormProblem } from './JoinForm';
import { LiveMeetingScreen } from './LiveMeetingScreen';
import { clearPendingVote } from './pending-vote';

type Stage =
  | { kind: 'checking' }
  | { kind: 'form'; problem: FormProblem; busy: boolean }
  | { kind: 'joined'; view: ParticipantView }
  | { kind: 'closed'; dropped: number };

const TOKEN_LENGTH = { min: 32, max: 100 };

interface Props {
  fetchImpl: typeof fetch;
  /** Injected for tests; the browser's EventSource otherwise. */
  createSource?: (url: string) => EventSource;
}

export function MeetingPhone({ fetchImpl, createSource }: Props) {
  const { t } = useTranslation('meeting');
  const live = useMemo(() => createMeetingLive(fetchImpl), [fetchImpl]);
  const location = useLocation();
  const navigate = useNavigate();
  // The QR link's token, read once: the address bar loses it right after the first render.
  const [token] = useState(() => tokenFromHash(location.hash));
  const isTokenShaped =
    token !== null && token.length >= TOKEN_LENGTH.min && token.length <= TOKEN_LENGTH.max;
  const [stage, setStage] = useState<Stage>(() =>
    token !== null && !isTokenShaped
      ? { kind: 'form', problem: { kind: 'invalid', via: 'link' }, busy: false }
      : { kind: 'checking' },
  );
  const started = useRef(false);

  /** The meeting is over: its waiting notes and vote leave the phone, and so does the meeting. */
  const forget = useCallback(async (meetingId: string | null) => {
    let dropped = 0;
    if (meetingId) {
      try {
        dropped = (await pendingContributions(meetingId)).length;
        await dropMeeting(meetingId);
      } catch {
        // The outbox could not be read: nothing of it can be sent either, the meeting is closed.
      }
    }
    clearPendingVote();
    setStage({ kind: 'closed', dropped });
  }, []);

  const join = useCallback(
    async (body: JoinBody, via: 'code' | 'link') => {
      setStage({ kind: 'form', problem: null, busy: true });
      const reply = await live.join(body);
      if (reply.kind === 'ok') {
        if (reply.body.snapshot.state === 'closed') await forget(reply.body.snapshot.meetingId);
        else setStage({ kind: 'joined', view: reply.body });
        return;
      }
      setStage({ kind: 'form', problem: joinProblem(reply, via), busy: false });
    },
    [live, forget],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (token !== null) {
      // Out of the address bar before anything else, whatever the server answers.
      void navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true });
      if (isTokenShaped) void Promise.resolve({ token }).then((body) => join(body, 'link'));
      return;
    }
    // Maybe this phone is in a meeting already (a reload, a tab opened again): ask.
    void live.state().then((reply) => {
      if (reply.kind === 'ok' && reply.body.snapshot.state === 'open') {
        setStage({ kind: 'joined', view: reply.body });
      } else {
        setStage({ kind: 'form', problem: null, busy: false });
      }
    });
  }, [token, isTokenShaped, location, navigate, join, live]);

  switch (stage.kind) {
    case 'checking':
      return (
        <div className="screen meeting-phone">
          <h1>{t('join.heading')}</h1>
          <p role="status">{t('phone.join.checking')}</p>
        </div>
      );
    case 'form':
      return (
        <JoinForm problem={stage.problem} busy={stage.busy} onJoin={(code) => void join({ code }, 'code')} />
      );
    case 'joined':
      return (
        <LiveMeetingScreen
          key={stage.view.snapshot.meetingId}
          initial={stage.view}
          live={live}
          createSource={createSource}
          onClosed={(meetingId) => void forget(meetingId)}
          onLeft={() => setStage({ kind: 'form', problem: { kind: 'left' }, busy: false })}
        />
      );
    case 'closed':
      return (
        <div className="screen meeting-phone">
          <h1>{t('phone.closed.heading')}</h1>
          <p>{t('phone.closed.thanks')}</p>
          {stage.dropped > 0 && <p>{t('phone.closed.dropped', { count: stage.dropped })}</p>}
          <p>{t('phone.closed.forgotten')}</p>
        </div>
      );
  }
}
