// What the room is doing, in a few words for a phone: "look at the screen" while the leader shows
// the factors or the results; in an IGP round the question, the phase and its clock, the note
// form in the individual phases, "talk in your group" in the group phase, and the contributions
// once the leader reveals them; the dots in a vote.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot, MeetingStep, ParticipantView } from '../../../shared/api/meetings';
import { WRITING_PHASES, type IgpPhase } from '../../../shared/meetings';
import type { createMeetingLive } from '../../connection/meeting-live';
import { PhaseTimer } from '../../ui/meeting/PhaseTimer';
import { RevealBoard } from '../../ui/meeting/RevealBoard';
import { WordCloud } from '../../ui/meeting/WordCloud';
import { ContributionForm, OutboxStatus } from './ContributionForm';
import type { MeetingOutbox } from './useMeetingOutbox';
import { phaseKey, type LiveMeeting } from './useLiveMeeting';
import { VoteStep } from './VoteStep';

interface Props {
  meeting: LiveMeeting;
  outbox: MeetingOutbox;
  live: ReturnType<typeof createMeetingLive>;
  onView: (view: ParticipantView) => void;
  onClosed: () => void;
  retryKey: number;
}

export function StepView({ meeting, outbox, live, onView, onClosed, retryKey }: Props) {
  const { t } = useTranslation(['meeting', 'factors']);
  const { snapshot, me, clock } = meeting;
  const step = snapshot.steps[snapshot.stepIndex];
  const showOutbox = outbox.waiting > 0 || outbox.lateRefused > 0 || outbox.last?.kind === 'refused';

  if (!step) return <LookAtScreen text={t('phone.look.wait')} />;
  if (step.kind === 'vote') {
    return (
      <>
        <VoteStep
          key={`${snapshot.meetingId}:${snapshot.stepIndex}`}
          snapshot={snapshot}
          remainingDots={me?.remainingDots ?? null}
          live={live}
          onView={onView}
          onClosed={onClosed}
          retryKey={retryKey}
        />
        {showOutbox && <OutboxStatus outbox={outbox} />}
      </>
    );
  }
  if (step.kind !== 'igp') {
    return (
      <>
        <LookAtScreen text={t(`phone.look.${step.kind}`)} />
        {showOutbox && <OutboxStatus outbox={outbox} />}
      </>
    );
  }

  const phase = snapshot.phase;
  const isWriting = phase !== null && WRITING_PHASES.includes(phase) && !snapshot.oneDevice;
  const revealed = snapshot.revealed ? snapshot.contributions.map((c) => ({ id: c.id, text: c.text })) : null;
  return (
    <>
      <section className="meeting-phone__prompt" aria-labelledby="meeting-prompt">
        <h2 id="meeting-prompt">{promptText(step, t)}</h2>
        {step.prompt !== 'strengths' && <p>{t(`phone.prompt.${step.prompt ?? 'factor'}Help`)}</p>}
      </section>
      {phase && clock && <PhaseTimer phase={phase} clock={clock} />}
      {phase === null ? (
        <LookAtScreen text={t('phone.look.wait')} />
      ) : (
        <PhaseHelp phase={phase} oneDevice={snapshot.oneDevice} />
      )}
      {isWriting && (
        <ContributionForm
          key={phaseKey(snapshot)}
          phaseId={phaseKey(snapshot)}
          outbox={outbox}
          remaining={me?.remainingContributions ?? null}
        />
      )}
      {!isWriting && showOutbox && <OutboxStatus outbox={outbox} />}
      {revealed && (
        <>
          {step.prompt === 'strengths' && <WordCloud texts={revealed.map((r) => r.text)} />}
          <RevealBoard count={snapshot.contributionCount} revealed={revealed} revealId={phaseKey(snapshot)} />
        </>
      )}
    </>
  );
}

type T = TFunction<['meeting', 'factors']>;

/** The round's question: the strengths, a factor, or measures for a factor. */
export function promptText(step: MeetingStep, t: T): string {
  const factor = step.factorId ? t(`factors:factor.${step.factorId}.name`) : '';
  if (step.prompt === 'strengths') return t('cloud.question');
  if (step.prompt === 'measures') return t('phone.prompt.measures', { factor });
  return factor || t('phone.prompt.factorUnnamed');
}

function PhaseHelp({ phase, oneDevice }: { phase: IgpPhase; oneDevice: boolean }) {
  const { t } = useTranslation('meeting');
  return (
    <div className="meeting-phone__phase">
      {phase === 'group' && <p className="meeting-phone__talk">{t('phone.talk.group')}</p>}
      {phase === 'plenum' && <p className="meeting-phone__talk">{t('phone.talk.plenum')}</p>}
      <p>{t(`phase.${phase}Help`)}</p>
      {oneDevice && WRITING_PHASES.includes(phase) && <p>{t('phone.oneDevice')}</p>}
    </div>
  );
}

function LookAtScreen({ text }: { text: string }) {
  const { t } = useTranslation('meeting');
  return (
    <section className="meeting-phone__look" aria-labelledby="meeting-look">
      <h2 id="meeting-look">{t('phone.look.heading')}</h2>
      <p>{text}</p>
    </section>
  );
}

/** A short name of what the room is doing now, for the polite announcement of a new step. */
export function nowText(snapshot: MeetingSnapshot, t: T): string {
  const step = snapshot.steps[snapshot.stepIndex];
  if (!step) return t('phone.look.heading');
  if (step.kind === 'igp') {
    const prompt = promptText(step, t);
    return snapshot.phase ? t('phone.now.igp', { prompt, phase: t(`phase.${snapshot.phase}`) }) : prompt;
  }
  return t(`phone.now.${step.kind}`);
}
