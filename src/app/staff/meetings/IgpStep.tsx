// An IGP(I) round on the room's screen: the question, the four phases with what to do in each,
// the timer the leader pauses and extends, the roles per group, and the contributions. Before the
// reveal the screen has a count only (the snapshot carries no texts until then); after it, the
// texts without author, and the word cloud for the strengths round.
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { IGP_DEFAULT_MINUTES, IGP_PHASES } from '../../../shared/meetings';
import { PhaseTimer } from '../../ui/meeting/PhaseTimer';
import { RevealBoard } from '../../ui/meeting/RevealBoard';
import { RolesPanel } from '../../ui/meeting/RolesPanel';
import { WordCloud } from '../../ui/meeting/WordCloud';
import type { PhaseClock } from '../../ui/meeting/timer';
import { GroupContributionForm } from './GroupContributionForm';
import { roleDraws } from './role-draws';
import { StepPrompt } from './StepPrompt';
import { ThemeBoard } from './ThemeBoard';
import type { Act, MeetingsApi } from './usePresenter';

interface Props {
  snapshot: MeetingSnapshot;
  clock: PhaseClock | null;
  act: Act;
  api: MeetingsApi;
  isBusy: boolean;
}

export function IgpStep({ snapshot, clock, act, api, isBusy }: Props) {
  const { t } = useTranslation(['presenter', 'meeting']);
  const { meetingId, phase, revealed, roles } = snapshot;
  const step = snapshot.steps[snapshot.stepIndex];
  const control = (body: Parameters<MeetingsApi['control']>[1]) => act((a) => a.control(meetingId, body));
  const mayType = snapshot.oneDevice && !revealed && phase !== null && phase !== 'plenum';
  const draws = roleDraws(roles);
  // A phase the leader has not started yet: its clock stands full, and "start" (not "resume") runs it.
  const timer = snapshot.timer;
  const notStarted = timer !== null && !timer.running && timer.remainingSeconds >= timer.durationSeconds;

  return (
    <div className="presenter-igp">
      <div className="presenter-igp__top">
        <div>
          {step && <StepPrompt step={step} />}
          <ol className="presenter-phases" aria-label={t('igp.phasesLabel')}>
            {IGP_PHASES.map((p) => (
              <li
                key={p}
                aria-current={p === phase ? 'step' : undefined}
                className={p === phase ? 'is-current' : ''}
              >
                <strong>{t(`meeting:phase.${p}`)}</strong>{' '}
                <span className="presenter-phases__minutes">
                  {t('igp.minutes', { count: IGP_DEFAULT_MINUTES[p] })}
                </span>
              </li>
            ))}
          </ol>
          {phase && <p className="presenter-phase-help">{t(`meeting:phase.${phase}Help`)}</p>}
        </div>
        <div className="presenter-igp__clock">
          {phase && clock && (
            <PhaseTimer
              phase={phase}
              clock={clock}
              onPause={() => void control({ action: 'pause' })}
              onResume={notStarted ? undefined : () => void control({ action: 'resume' })}
              onExtend={(minutes) => void control({ action: 'extend', minutes })}
            />
          )}
          {(notStarted || !clock) && (
            <button
              type="button"
              className="button button--primary presenter-big"
              disabled={isBusy}
              onClick={() => void control({ action: 'start' })}
            >
              {/* The round begins with its first phase; a later phase only needs its clock started. */}
              {phase === null || phase === 'individual' ? t('igp.start') : t('igp.startTimer')}
            </button>
          )}
        </div>
      </div>
      <section className="presenter-contributions" aria-labelledby="presenter-contributions-title">
        <h2 id="presenter-contributions-title" className="meeting-sr">
          {t('igp.contributionsTitle')}
        </h2>
        {revealed && step?.prompt === 'strengths' && (
          <WordCloud texts={snapshot.contributions.map((c) => c.text)} />
        )}
        <RevealBoard
          count={snapshot.contributionCount}
          revealed={revealed ? snapshot.contributions : null}
          revealId={`${meetingId}:${snapshot.stepIndex}`}
          onReveal={() => void control({ action: 'reveal' })}
        />
      </section>
      <ThemeBoard snapshot={snapshot} act={act} isBusy={isBusy} />
      <section className="presenter-roles" aria-labelledby="presenter-roles-title">
        <h2 id="presenter-roles-title">{t('roles.title')}</h2>
        {draws.length > 0 ? <RolesPanel draws={draws} /> : <p>{t('roles.notDrawn')}</p>}
        <button
          type="button"
          className="button button--secondary"
          disabled={isBusy}
          onClick={() => void control({ action: 'drawRoles' })}
        >
          {draws.length > 0 ? t('roles.drawAgain') : t('roles.draw')}
        </button>
      </section>
      {mayType && (
        <section className="presenter-one-device" aria-labelledby="presenter-one-device-title">
          <h2 id="presenter-one-device-title">{t('oneDevice.title')}</h2>
          <p>{t('oneDevice.intro')}</p>
          <div className="presenter-one-device__groups">
            {Array.from({ length: snapshot.groups }, (_, i) => (
              <GroupContributionForm key={i + 1} meetingId={meetingId} group={i + 1} api={api} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
