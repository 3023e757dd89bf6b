// /admin/moter/:meetingId — the presenter view for the room's TV or projector (1920×1080), also
// usable on a tablet: the current step in large type, the leader's controls, and how to join.
// Everything here works with the keyboard alone, in DOM order: the step and its controls, the
// step buttons, then the join panel. The meeting's language (the municipality's) is the screen's
// default unless the leader has picked one.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { JoinPanel } from './JoinPanel';
import { MeetingApiError } from './MeetingApiError';
import { MEETING_PATHS } from './paths';
import type { Decision } from './ReviewItemStep';
import { StepNav } from './StepNav';
import { StepView } from './StepView';
import { usePresenter } from './usePresenter';

export function PresenterScreen() {
  const { t } = useTranslation('presenter');
  const { meetingId = '' } = useParams();
  const { preferLanguage } = useLanguage();
  const { api, current, join, loadError, actionError, isBusy, stream, act } = usePresenter(meetingId);
  const snapshot = current?.snapshot;
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const onDecision = useCallback(
    (measureId: string, value: Decision) => setDecisions((prev) => ({ ...prev, [measureId]: value })),
    [],
  );

  const language = snapshot?.language;
  useEffect(() => {
    if (language) preferLanguage(language);
  }, [language, preferLanguage]);

  return (
    <div className="screen presenter">
      <header className="presenter__head">
        <p>
          <Link to={snapshot ? MEETING_PATHS.unit(snapshot.roundId, snapshot.unitId) : MEETING_PATHS.reports}>
            {t('presenter.back')}
          </Link>
        </p>
        <h1>{snapshot ? t(`template.${snapshot.template}`) : t('presenter.loadingTitle')}</h1>
        {snapshot && (
          <p className="presenter__stream" role="status">
            {t(`stream.${stream}`)}
          </p>
        )}
      </header>
      <MeetingApiError error={loadError} />
      {!snapshot && !loadError && <p role="status">{t('common.loading')}</p>}
      {snapshot && current && (
        <div className="presenter__grid">
          <section className="presenter__stage" aria-label={t('presenter.stage')}>
            <StepView
              snapshot={snapshot}
              clock={current.clock}
              act={act}
              api={api}
              isBusy={isBusy}
              lastVote={current.lastVote}
              decisions={decisions}
              onDecision={onDecision}
            />
            <MeetingApiError error={actionError} />
            <StepNav snapshot={snapshot} act={act} isBusy={isBusy} />
          </section>
          <aside className="presenter__side">
            <JoinPanel
              code={join?.code ?? null}
              joinToken={join?.joinToken ?? null}
              participants={snapshot.participants}
            />
          </aside>
        </div>
      )}
    </div>
  );
}
