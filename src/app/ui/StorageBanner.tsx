// A failed IndexedDB write or a full quota must be visible: never pretend an answer was saved.
import { useTranslation } from 'react-i18next';
import { useStorageHealth } from '../offline';

export function StorageBanner() {
  const { t } = useTranslation();
  const health = useStorageHealth();
  if (health.ok) return null;
  return (
    <div className="banner banner--error" role="alert">
      {t(`storage.${health.reason}`)}
    </div>
  );
}
