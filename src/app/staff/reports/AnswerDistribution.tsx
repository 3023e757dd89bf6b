// The answer distribution of a factor: one 100 % stacked bar per group, five shades of one blue
// from light ("Svært uenig") to dark ("Svært enig"), so the order survives grayscale. The bars are
// for the eye (aria-hidden); the table beside them has the same shares as text, one row per answer
// with its swatch, so it is the legend too and stays narrow enough for a phone.
import { useEffect, useRef, type RefObject } from 'react';
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

/**
 * Hides a segment's label when it no longer fits its segment, rather than showing half of it: with
 * wider letter and word spacing (WCAG 1.4.12) or a larger font, "33 %" can outgrow a narrow segment.
 * The table beside the bars carries every share in full.
 */
function useLabelsThatFit(bars: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = bars.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const labels = Array.from(root.querySelectorAll<HTMLElement>('.report-dist__value'));
    const check = () => {
      for (const label of labels) {
        const segment = label.parentElement;
        if (!segment) continue;
        label.classList.toggle('report-dist__value--hidden', label.scrollWidth > segment.clientWidth);
      }
    };
    const observer = new ResizeObserver(check);
    for (const label of labels) {
      observer.observe(label);
      if (label.parentElement) observer.observe(label.parentElement);
    }
    return () => observer.disconnect();
  });
}

export function AnswerDistribution({ caption, groups }: Props) {
  const { t } = useTranslation(['reports', 'survey']);
  const { language: lng } = useLanguage();
  const bars = useRef<HTMLDivElement>(null);
  useLabelsThatFit(bars);
  return (
    <div className="report-dist">
      {/* The table's caption says this to a screen reader; on screen it heads the bars too. */}
      <p className="report-chart-title" aria-hidden="true">
        {caption}
      </p>
      <div ref={bars} className="report-dist__bars" aria-hidden="true">
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
                      {share >= MIN_LABELLED_SHARE && (
                        <span className="report-dist__value">{formatPercent(share, lng, 0)}</span>
                      )}
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
