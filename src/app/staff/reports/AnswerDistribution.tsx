// The answer distribution of a factor: one 100 % stacked bar per group, five shades of one blue
// from light ("Svært uenig") to dark ("Svært enig"), so the order survives grayscale. The bars are
// for the eye (aria-hidden); the table beside them has the same shares as text, one row per answer
// with its swatch, so it is the legend too and stays narrow enough for a phone.
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../ui/format';
import { MissingFigure } from './MissingFigure';
import { useLanguage } from '../../i18n/useLanguage';

export interface DistributionGroup {
  key: 'unit' | 'municipality';
  label: string;
  /** Shares of answers 1..5, or null when the group's figures are hidden. */
  shares: readonly number[] | null;
}

const ANSWERS = [1, 2, 3, 4, 5] as const;
/** A segment narrower than this has no room for its label; the table has the number. */
const MIN_LABELLED_SHARE = 0.1;
/** Below this a label fits on a tablet but not on a phone (reports.css hides it there). */
const MIN_PHONE_LABELLED_SHARE = 0.2;

interface Props {
  caption: string;
  groups: readonly DistributionGroup[];
}

export function AnswerDistribution({ caption, groups }: Props) {
  const { t } = useTranslation(['reports', 'survey']);
  const { language: lng } = useLanguage();
  return (
    <div className="report-dist">
      {/* The table's caption says this to a screen reader; on screen it heads the bars too. */}
      <p className="report-chart-title" aria-hidden="true">
        {caption}
      </p>
      <div className="report-dist__bars" aria-hidden="true">
        {groups.map(({ key, label, shares }) =>
          shares ? (
            <div key={key} className="report-dist__row">
              <span className="report-dist__label">{label}</span>
              <span className="report-dist__bar">
                {ANSWERS.map((answer, i) => {
                  const share = shares[i] ?? 0;
                  return share > 0 ? (
                    <span
                      key={answer}
                      className={`report-dist__segment report-answer--${answer}${share < MIN_PHONE_LABELLED_SHARE ? ' report-dist__segment--narrow' : ''}`}
                      style={{ width: `${share * 100}%` }}
                    >
                      {share >= MIN_LABELLED_SHARE ? formatPercent(share, lng, 0) : ''}
                    </span>
                  ) : null;
                })}
              </span>
            </div>
          ) : null,
        )}
      </div>
      <table className="admin-table report-dist__table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports:columns.answer')}</th>
            {groups.map((group) => (
              <th key={group.key} scope="col" className="admin-table__num">
                {group.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ANSWERS.map((answer, i) => (
            <tr key={answer}>
              <th scope="row">
                <span className={`report-swatch report-answer--${answer}`} aria-hidden="true" />
                {t(`survey:scale.${answer}`)}
              </th>
              {groups.map(({ key, shares }) => (
                <td key={key} className="admin-table__num">
                  {shares ? formatPercent(shares[i] ?? 0, lng) : <MissingFigure reason="hidden" />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
