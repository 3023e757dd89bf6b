import { useTranslation } from 'react-i18next';
import type { KioskListItem } from '../../../shared/api/organisation';
import { KioskRow } from './KioskRow';
import { TableWrap } from '../ui/TableWrap';

export function KioskTable({
  kiosks,
  onChanged,
}: {
  kiosks: readonly KioskListItem[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <TableWrap label={t('kiosks.listTitle')}>
      <table className="admin-table">
        <caption className="visually-hidden">{t('kiosks.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kiosks.label')}</th>
            <th scope="col">{t('kiosks.unit')}</th>
            <th scope="col">{t('kiosks.round')}</th>
            <th scope="col">{t('kiosks.lastSync')}</th>
            <th scope="col" className="admin-table__num">
              {t('kiosks.pending')}
            </th>
            <th scope="col">{t('kiosks.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {kiosks.map((kiosk) => (
            <KioskRow key={kiosk.id} kiosk={kiosk} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
