// The answers the server refused in a round, per unit and reason (the server counts them in the
// ingest, with no time, code or device): a leader sees that answers are being lost and why, say
// "Kom etter svarfristen" from a tablet that was offline too long. Shown only when there are any.
import { useTranslation } from 'react-i18next';
import type { RejectionCount, UnitProgress } from '../../../shared/api/organisation';
import { normaliseLanguage } from '../../i18n/i18n';
import { formatCount } from '../ui/admin-format';
import { TableWrap } from '../ui/TableWrap';

/** The label of each reason the ingest refuses an answer for; the rest are "incomplete or wrong". */
const REASON_KEYS = {
  CODE_UNKNOWN: 'codeUnknown',
  CODE_ALREADY_USED: 'codeUsed',
  CODE_REQUIRED: 'codeRequired',
  UNIT_MISMATCH: 'unitMismatch',
  KIOSK_REVOKED: 'kioskRevoked',
  ROUND_CLOSED: 'roundClosed',
  ROUND_NOT_OPEN: 'roundNotOpen',
  UNKNOWN_UNIT: 'unknownUnit',
  QUESTIONNAIRE_VERSION_MISMATCH: 'questionnaire',
  UNKNOWN_QUESTIONNAIRE_VERSION: 'questionnaire',
} as const;
type ReasonKey = (typeof REASON_KEYS)[keyof typeof REASON_KEYS] | 'other';

export function reasonKey(reason: string): ReasonKey {
  return Object.hasOwn(REASON_KEYS, reason) ? REASON_KEYS[reason as keyof typeof REASON_KEYS] : 'other';
}

/** One row per label: reasons that share a label are added up, the most frequent first. */
function byLabel(counts: readonly RejectionCount[]): { key: ReasonKey; count: number }[] {
  const sums = new Map<ReasonKey, number>();
  for (const c of counts) sums.set(reasonKey(c.reason), (sums.get(reasonKey(c.reason)) ?? 0) + c.count);
  return [...sums].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export function RejectedAnswers({
  units,
  withoutUnit,
}: {
  units: readonly UnitProgress[];
  withoutUnit: readonly RejectionCount[];
}) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const groups = [
    ...units.map((u) => ({ id: u.unitId, name: u.name, rows: byLabel(u.rejected) })),
    { id: '', name: t('progress.rejectedWithoutUnit'), rows: byLabel(withoutUnit) },
  ].filter((g) => g.rows.length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="progress-rejected">
      <h3>{t('progress.rejectedTitle')}</h3>
      <p className="hint">{t('progress.rejectedIntro')}</p>
      <TableWrap label={t('progress.rejectedCaption')}>
        <table className="admin-table">
          <caption className="visually-hidden">{t('progress.rejectedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.unit')}</th>
              <th scope="col">{t('progress.rejectedReasonColumn')}</th>
              <th scope="col" className="admin-table__num">
                {t('progress.rejectedCountColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.flatMap((g) =>
              g.rows.map((row, i) => (
                <tr key={`${g.id}/${row.key}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={g.rows.length}>
                      {g.name}
                    </th>
                  )}
                  <td>{t(`progress.rejectedReason.${row.key}`)}</td>
                  <td className="admin-table__num">{formatCount(row.count, lng)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
