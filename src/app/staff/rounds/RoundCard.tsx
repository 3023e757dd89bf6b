// One round as a card (a table of six columns does not fit a phone), with the one lifecycle step it can take next (draft → open → closed →
// published). Closing and publishing cannot be undone, so they ask first. Deleting the round for
// good is its own panel (./DeleteRound.tsx). A published round says when its individual answers are
// deleted by retention, or were.
import { useTranslation } from 'react-i18next';
import { ROUND_TRANSITIONS, type AdminRound, type RoundTransition } from '../../../shared/api/organisation';
import { answerDeletionDate } from '../../../shared/months';
import { formatDate, formatDateRange } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { ApiError } from '../ui/ApiError';
import { ConfirmButton } from '../ui/ConfirmButton';
import { useAction } from '../ui/useAction';
import { DeleteRound } from './DeleteRound';

interface Props {
  round: AdminRound;
  unitName: string;
  /** The municipality's setting, once loaded: when a published round's answers are deleted. */
  answerRetentionMonths?: number | undefined;
  onChanged: () => void;
  /** After the round was deleted for good (issue 15), with its name. */
  onDeleted?: (name: string) => void;
}

const NEXT = Object.fromEntries(
  Object.entries(ROUND_TRANSITIONS).map(([transition, from]) => [from, transition]),
) as Partial<Record<AdminRound['status'], RoundTransition>>;

export function RoundCard({ round, unitName, answerRetentionMonths, onChanged, onDeleted }: Props) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const action = useAction();
  const next = NEXT[round.status];
  const settings = [
    t('rounds.thresholdShort', { count: round.threshold }),
    round.openQuestionEnabled ? t('rounds.openQuestionOn') : t('rounds.openQuestionOff'),
    ...(round.openQuestionEnabled
      ? [t('rounds.openAnswerThresholdShort', { count: round.openAnswerThreshold })]
      : []),
    round.backgroundEnabled ? t('rounds.backgroundOn') : t('rounds.backgroundOff'),
    t('rounds.graceShort', { count: round.graceDays }),
  ];
  const go = async (transition: RoundTransition) => {
    if (await action.run((api) => api.transitionRound(round.id, transition))) onChanged();
  };

  const titleId = `round-${round.id}`;
  return (
    <li className="round-card">
      <article aria-labelledby={titleId}>
        <div className="round-card__head">
          <h2 id={titleId}>{round.name}</h2>
          <span className={`admin-status admin-status--${round.status}`}>
            {t(`rounds.statuses.${round.status}`)}
          </span>
        </div>
        <dl className="round-card__facts">
          <div>
            <dt>{t('rounds.unit')}</dt>
            <dd>{unitName}</dd>
          </div>
          <div>
            <dt>{t('rounds.period')}</dt>
            <dd>{formatDateRange(round.opensOn, round.closesOn, lng)}</dd>
          </div>
          <div>
            <dt>{t('rounds.settings')}</dt>
            <dd>
              {settings.join(' · ')}
              {/* Issue 11: what a report may show is frozen with the round's frame when it opens. */}
              {round.status !== 'draft' && <p className="hint">{t('rounds.settingsLocked')}</p>}
            </dd>
          </div>
          {round.publishedOn !== null && (
            <AnswersKept round={round} publishedOn={round.publishedOn} months={answerRetentionMonths} />
          )}
        </dl>
        <div className="round-card__actions">
          {next === 'open' && (
            <button
              type="button"
              className="button button--small button--primary"
              aria-label={t('rounds.actionNamed', { action: t('rounds.actions.open'), name: round.name })}
              disabled={action.isBusy}
              onClick={() => void go('open')}
            >
              {t('rounds.actions.open')}
            </button>
          )}
          {(next === 'close' || next === 'publish') && (
            <ConfirmButton
              label={t(`rounds.actions.${next}`)}
              ariaLabel={t('rounds.actionNamed', { action: t(`rounds.actions.${next}`), name: round.name })}
              question={t(`rounds.confirm.${next}`)}
              confirmLabel={t(`rounds.actions.${next}`)}
              disabled={action.isBusy}
              onConfirm={() => go(next)}
            />
          )}
          <ApiError error={action.error} />
          {onDeleted && <DeleteRound round={round} onDeleted={onDeleted} />}
        </div>
      </article>
    </li>
  );
}

/** A published round: when it was published, and when its individual answers go or went. */
function AnswersKept({
  round,
  publishedOn,
  months,
}: {
  round: AdminRound;
  publishedOn: string;
  months: number | undefined;
}) {
  const { t, i18n } = useTranslation('retention');
  const lng = normaliseLanguage(i18n.language);
  const date = (isoDate: string) => formatDate(isoDate, lng);
  return (
    <div className="round-card__fact--wide">
      <dt>{t('rounds.answers')}</dt>
      <dd>
        {t('rounds.published', { date: date(publishedOn) })}{' '}
        {round.answersDeletedOn !== null
          ? t('rounds.deleted', { date: date(round.answersDeletedOn) })
          : months !== undefined &&
            t('rounds.deletedOn', { date: date(answerDeletionDate(publishedOn, months)) })}
        <p className="hint">{t('rounds.countsStay')}</p>
      </dd>
    </div>
  );
}
