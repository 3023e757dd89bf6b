// /admin — the first screen after login. Admins and leaders see, for each running round, the
// countdown and the live answers and response rate per unit (admins: every unit; leaders: their
// own). Union and safety reps, whom the server does not show rates, see the units they represent.
// Counts only: no screen shows what anyone answered.
import { useTranslation } from 'react-i18next';
import { hasRole } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { MyUnitsList } from './MyUnitsList';
import { StaffSlot } from '../ui/StaffSlots';
import { RoundsOverview } from './RoundsOverview';

export function ProgressScreen() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  if (hasRole(user, 'admin', 'leader')) return <RoundsOverview />;
  return (
    <div className="screen admin-screen">
      <h1>{t('progress.title')}</h1>
      <MyUnitsList />
      <StaffSlot name="home" args={[]} />
    </div>
  );
}
