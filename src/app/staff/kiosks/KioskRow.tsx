import { useTranslation } from 'react-i18next';
import type { KioskListItem } from '../../../shared/api/organisation';
import { formatDate, formatDateTime } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { ApiError } from '../ui/ApiError';
import { formatCount } from '../ui/admin-format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { useAction } from '../ui/useAction';

export function KioskRow({ kiosk, onChanged }: { kiosk: KioskListItem; onChanged: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const lng = normaliseLanguage(i18n.language);
  const action = useAction();
  const at = (time: string) => tc('date.at', { time });
  return (
    <tr>
      <th scope="row">{kiosk.label}</th>
      <td>{kiosk.unit.name}</td>
      <td>{kiosk.round.name}</td>
      <td>
        {kiosk.lastSyncAt ? formatDateTime(new Date(kiosk.lastSyncAt), lng, at) : t('kiosks.neverSynced')}
      </td>
      <td className="admin-table__num">{formatCount(kiosk.pendingReported, lng)}</td>
      <td>
        {kiosk.revokedOn
          ? t('kiosks.revokedOn', { date: formatDate(kiosk.revokedOn, lng) })
          : t('kiosks.active')}
      </td>
      <td>
        {!kiosk.revokedOn && (
          <ConfirmButton
            label={t('kiosks.revoke')}
            ariaLabel={t('kiosks.revokeNamed', { name: kiosk.label })}
            question={t('kiosks.revokeQuestion')}
            confirmLabel={t('kiosks.revoke')}
            danger
            disabled={action.isBusy}
            onConfirm={async () => {
              if (await action.run((api) => api.revokeKiosk(kiosk.id))) onChanged();
            }}
          />
        )}
        <ApiError error={action.error} />
      </td>
    </tr>
  );
}
