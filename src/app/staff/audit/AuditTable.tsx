// The entries of a search, newest first: the minute in Oslo time, who, what in words, the unit and
// the round by name (or their id when they are gone), and the detail.
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/api/audit';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit';
import { normaliseLanguage } from '../../i18n/i18n';
import { TableWrap } from '../ui/TableWrap';
import { actionKey, entryTime } from './audit-texts';

const isKnown = (action: string): action is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation('audit');
  const lng = normaliseLanguage(i18n.language);
  return (
    <TableWrap label={t('table.caption')}>
      <table className="admin-table">
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('table.who')}</th>
            <th scope="col">{t('table.what')}</th>
            <th scope="col">{t('table.unit')}</th>
            <th scope="col">{t('table.round')}</th>
            <th scope="col">{t('table.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at.replace('Z', ':00Z')}>{entryTime(e.at, lng)}</time>
              </td>
              <td>{e.actorName ?? (e.actorId === null ? t('table.system') : e.actorId)}</td>
              <td>{isKnown(e.action) ? t(`actions.${actionKey(e.action)}`) : e.action}</td>
              <td>{e.unitName ?? e.unitId ?? ''}</td>
              <td>{e.roundName ?? e.roundId ?? ''}</td>
              <td>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
