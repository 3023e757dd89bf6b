// Moving through the meeting: in an IGP round back and on one phase (the server's 'previous' and
// 'next'), past its first or last phase and outside a round one step. Where the meeting is, in words.
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { IGP_PHASES } from '../../../shared/meetings';
import type { Act } from './usePresenter';

export function StepNav({ snapshot, act, isBusy }: { snapshot: MeetingSnapshot; act: Act; isBusy: boolean }) {
  const { t } = useTranslation(['presenter', 'meeting']);
  const { meetingId, stepIndex, steps, phase } = snapshot;
  const isRound = steps[stepIndex]?.kind === 'igp';
  const phaseIndex = isRound && phase ? IGP_PHASES.indexOf(phase) : -1;
  const nextPhase = phaseIndex >= 0 ? IGP_PHASES[phaseIndex + 1] : undefined;
  const previousPhase = phaseIndex > 0 ? IGP_PHASES[phaseIndex - 1] : undefined;
  const isLast = stepIndex >= steps.length - 1;
  const closed = snapshot.state === 'closed';
  return (
    <nav className="presenter-nav" aria-label={t('nav.label')}>
      <p className="presenter-nav__where">{t('nav.where', { step: stepIndex + 1, steps: steps.length })}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={isBusy || closed || (stepIndex === 0 && !previousPhase)}
        onClick={() => void act((api) => api.control(meetingId, { action: 'previous' }))}
      >
        {previousPhase
          ? t('nav.previousPhase', { phase: t(`meeting:phase.${previousPhase}`) })
          : t('nav.previous')}
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={isBusy || closed || (isLast && !nextPhase)}
        onClick={() => void act((api) => api.control(meetingId, { action: 'next' }))}
      >
        {nextPhase ? t('nav.nextPhase', { phase: t(`meeting:phase.${nextPhase}`) }) : t('nav.nextStep')}
      </button>
    </nav>
  );
}
