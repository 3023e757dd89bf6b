// Every open round with its progress, then the rounds still in preparation.
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { StaffSlot } from '../ui/StaffSlots';
import { useRounds } from '../ui/useOrganisation';
import { RoundProgress } from './RoundProgress';
import { UpcomingRounds } from './UpcomingRounds';

export function RoundsOverview() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  const rounds = useRounds();
  const list = rounds.data?.rounds ?? [];
  const open = list.filter((r) => r.status === 'open');
  const drafts = list.filter((r) => r.status === 'draft');

  return (
    <div className="screen admin-screen">
      <h1>{isAdmin(user) ? t('progress.titleAdmin') : t('progress.title')}</h1>
      <p className="progress-goal">{t('progress.goal')}</p>
      <p>{t('progress.intro')}</p>
      <ApiError error={rounds.error} />
      {rounds.isLoading && <p role="status">{t('common.loading')}</p>}
      {rounds.data && open.length === 0 && <p>{t('progress.noOpenRound')}</p>}
      {open.map((round) => (
        <RoundProgress key={round.id} roundId={round.id} />
      ))}
      {drafts.length > 0 && <UpcomingRounds rounds={drafts} />}
      <StaffSlot name="home" args={[]} />
    </div>
  );
}
