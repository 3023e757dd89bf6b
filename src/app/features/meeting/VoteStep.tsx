// A vote step on the phone: the dots left to this phone spread over the options (DotVote), then
// placed with one press. Placed dots are final, like on paper. Each placing has a client id made
// once and kept (pending-vote.ts) until the server answers, so a placing sent into a dead spot is
// sent again as the same vote, never as a second one; the page resends it when the stream or the
// network is back, and the person can press again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot, ParticipantView } from '../../../shared/api/meetings';
import { isFactorId } from '../../../shared/factors';
import { isTransientCode } from '../../offline';
import type { createMeetingLive } from '../../connection/meeting-live';
import { DotVote } from '../../ui/meeting/DotVote';
import { clearPendingVote, loadPendingVote, savePendingVote, type PendingVote } from './pending-vote';

type VoteState =
  | { kind: 'choosing' }
  | { kind: 'sending' }
  | { kind: 'waiting' }
  | { kind: 'placed' }
  | { kind: 'refused'; code: string | undefined };

interface Props {
  snapshot: MeetingSnapshot;
  remainingDots: number | null;
  live: ReturnType<typeof createMeetingLive>;
  onView: (view: ParticipantView) => void;
  onClosed: () => void;
  /** Bumped by the page when the stream or the network is back: a waiting vote is sent again. */
  retryKey: number;
}

export function VoteStep({ snapshot, remainingDots, live, onView, onClosed, retryKey }: Props) {
  const { t } = useTranslation(['meeting', 'factors']);
  const { meetingId, stepIndex, vote } = snapshot;
  const [pending, setPending] = useState<PendingVote | null>(() => loadPendingVote(meetingId, stepIndex));
  const [value, setValue] = useState<Record<string, number>>({});
  const [state, setState] = useState<VoteState>(() => (pending ? { kind: 'waiting' } : { kind: 'choosing' }));
  const sending = useRef(false);

  const send = useCallback(
    async (placing: PendingVote) => {
      if (sending.current) return;
      sending.current = true;
      setState({ kind: 'sending' });
      const reply = await live.vote({ clientId: placing.clientId, dots: placing.dots });
      sending.current = false;
      if (reply.kind === 'ok') {
        clearPendingVote();
        setPending(null);
        setValue({});
        onView(reply.body);
        setState({ kind: 'placed' });
        return;
      }
      const code = reply.kind === 'refused' ? reply.error?.code : undefined;
      const mayPass =
        reply.kind !== 'refused' || reply.status >= 500 || isTransientCode(code ?? 'RATE_LIMITED');
      if (mayPass) {
        setState({ kind: 'waiting' });
        return;
      }
      clearPendingVote();
      setPending(null);
      if (code === 'MEETING_CLOSED') onClosed();
      setState({ kind: 'refused', code });
    },
    [live, onView, onClosed],
  );

  // Back online or reconnected: the vote that did not get through goes again, with its own id.
  useEffect(() => {
    if (retryKey > 0 && pending) void Promise.resolve(pending).then(send);
    // Only on the page's signal, not when the pending vote is first made (place() sends it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [retryKey]);

  if (!vote) return <p>{t('phone.look.vote')}</p>;

  const label = (id: string, fallback: string) =>
    isFactorId(id) ? t(`factors:factor.${id}.name`) : fallback;
  const options = vote.options.map((o) => ({ id: o.id, label: label(o.id, o.label) }));
  const chosen = Object.fromEntries(Object.entries(value).filter(([, n]) => n > 0));
  const used = Object.values(chosen).reduce((a, b) => a + b, 0);
  const dotsLeft = remainingDots ?? 0;

  function place() {
    if (used === 0 || used > dotsLeft) return;
    const placing: PendingVote = { meetingId, stepIndex, clientId: crypto.randomUUID(), dots: chosen };
    savePendingVote(placing);
    setPending(placing);
    void send(placing);
  }

  if (pending) {
    return (
      <section className="meeting-phone__vote" aria-labelledby="meeting-vote-pending">
        <h2 id="meeting-vote-pending">{t('vote.heading')}</h2>
        <ul>
          {options
            .filter((o) => pending.dots[o.id])
            .map((o) => (
              <li key={o.id}>
                {o.label}: {t('vote.dots', { count: pending.dots[o.id] ?? 0 })}
              </li>
            ))}
        </ul>
        <p role="status" aria-live="polite">
          {state.kind === 'sending' ? t('phone.vote.sending') : t('phone.vote.waiting')}
        </p>
        <button
          type="button"
          className="button button--secondary button--large"
          disabled={state.kind === 'sending'}
          onClick={() => void send(pending)}
        >
          {t('phone.vote.resend')}
        </button>
      </section>
    );
  }

  const done = remainingDots === 0;
  return (
    <section className="meeting-phone__vote">
      {remainingDots === null ? (
        <p role="status">{t('app.loading', { ns: 'common' })}</p>
      ) : done ? (
        <>
          <h2>{t('vote.heading')}</h2>
          <p>{t('phone.vote.done')}</p>
        </>
      ) : (
        <>
          <DotVote options={options} dots={dotsLeft} value={value} onChange={setValue} />
          <p className="hint">{t('phone.vote.final')}</p>
          <button
            type="button"
            className="button button--primary button--large"
            disabled={used === 0 || used > dotsLeft}
            onClick={place}
          >
            {t('phone.vote.place', { count: used })}
          </button>
        </>
      )}
      <p role="status" aria-live="polite">
        {state.kind === 'placed'
          ? t('phone.vote.placed')
          : state.kind === 'refused'
            ? t(state.code === 'MEETING_WRONG_STEP' ? 'phone.vote.refusedOver' : 'phone.vote.refused')
            : ''}
      </p>
    </section>
  );
}
