// The three averages of a factor as horizontal bars on the 1–5 axis. The chart is a real table:
// each row names its group and says its number as text; the bar beside the number is drawn for the
// eye only (aria-hidden), so a screen reader hears the table and nothing twice.
import { useTranslation } from 'react-i18next';
import { Figure } from './Figure';
import type { MissingReason } from './MissingFigure';

export interface BarGroup {
  key: 'unit' | 'municipality' | 'national';
  label: string;
  value: number | null | undefined;
  missing: MissingReason;
}

const AXIS = [1, 2, 3, 4, 5] as const;
/** Where a value sits on the 1–5 axis, as a share of the track. */
const position = (value: number) => Math.min(1, Math.max(0, (value - 1) / 4));

export function AverageBars({ caption, groups }: { caption: string; groups: readonly BarGroup[] }) {
  const { t } = useTranslation('reports');
  return (
    <table className="report-bars">
      <caption>{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('columns.group')}</th>
          <th scope="col">{t('columns.average')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <th scope="row">{group.label}</th>
            <td>
              <span className="report-bar">
                <span className="report-bar__track" aria-hidden="true">
                  {group.value !== null && group.value !== undefined && (
                    <span
                      className={`report-bar__fill report-bar__fill--${group.key}`}
                      style={{ width: `${position(group.value) * 100}%` }}
                    />
                  )}
                </span>
                <span className="report-bar__value">
                  <Figure value={group.value} missing={group.missing} />
                </span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot aria-hidden="true">
        <tr>
          <td />
          <td>
            <span className="report-bar">
              <span className="report-bar__axis">
                {AXIS.map((n) => (
                  <span key={n} style={{ left: `${position(n) * 100}%` }}>
                    {n}
                  </span>
                ))}
              </span>
              <span className="report-bar__value" />
            </span>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
