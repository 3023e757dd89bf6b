// Meeting 1's outcome: one factor to keep up and one to improve (KS's default), proposed from the
// vote's top two and confirmed by the leader, then written into the unit's draft plan.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { FACTOR_IDS, isFactorId, type FactorId } from '../../../shared/factors';
import { SelectField } from '../ui/SelectField';
import { MEETING_PATHS } from './paths';
import type { Act } from './usePresenter';

interface Props {
  snapshot: MeetingSnapshot;
  /** The latest vote the screen saw (the choose step's own snapshot may carry none). */
  vote: MeetingSnapshot['vote'];
  act: Act;
  isBusy: boolean;
}

/** The vote's options by dots, most first; ties keep the vote's order. */
export function topFactors(vote: MeetingSnapshot['vote']): FactorId[] {
  const options = (vote?.options ?? []).filter((o) => isFactorId(o.id));
  return [...options].sort((a, b) => b.dots - a.dots).map((o) => o.id as FactorId);
}

export function ChooseFocus({ snapshot, vote, act, isBusy }: Props) {
  const { t } = useTranslation(['presenter', 'factors']);
  const id = useId();
  const ranked = topFactors(vote);
  const choices = ranked.length >= 2 ? ranked : [...FACTOR_IDS];
  const [keep, setKeep] = useState<FactorId>(snapshot.focus?.keep ?? choices[0] ?? FACTOR_IDS[0]);
  const [improve, setImprove] = useState<FactorId>(snapshot.focus?.improve ?? choices[1] ?? FACTOR_IDS[1]);
  const isSame = keep === improve;
  const options = choices.map((f) => (
    <option key={f} value={f}>
      {t(`factors:factor.${f}.name`)}
    </option>
  ));

  return (
    <div className="presenter-choose">
      <p>{ranked.length >= 2 ? t('choose.fromVote') : t('choose.noVote')}</p>
      <div className="presenter-choose__fields">
        <SelectField
          id={`${id}-keep`}
          label={t('choose.keep')}
          value={keep}
          onChange={(e) => setKeep(e.target.value as FactorId)}
        >
          {options}
        </SelectField>
        <SelectField
          id={`${id}-improve`}
          label={t('choose.improve')}
          value={improve}
          error={isSame ? t('choose.sameError') : undefined}
          onChange={(e) => setImprove(e.target.value as FactorId)}
        >
          {options}
        </SelectField>
      </div>
      <button
        type="button"
        className="button button--primary presenter-big"
        disabled={isBusy || isSame}
        onClick={() => void act((api) => api.chooseFocus(snapshot.meetingId, { keep, improve }))}
      >
        {t('choose.submit')}
      </button>
      {snapshot.focus && (
        <div className="admin-notice" role="status">
          <p>
            {t('choose.saved', {
              keep: t(`factors:factor.${snapshot.focus.keep}.name`),
              improve: t(`factors:factor.${snapshot.focus.improve}.name`),
            })}
          </p>
          {snapshot.planId && (
            <p>
              <Link to={MEETING_PATHS.plan(snapshot.planId)}>{t('common.openPlan')}</Link>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
