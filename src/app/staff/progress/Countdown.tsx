// "8 dager igjen" / "8 dagar att": the days left of the period, counting today.
import { useTranslation } from 'react-i18next';
import { periodState } from '../ui/admin-format';

export function Countdown({
  opensOn,
  closesOn,
  today,
}: {
  opensOn: string;
  closesOn: string;
  today?: string;
}) {
  const { t } = useTranslation('admin');
  const state = periodState(opensOn, closesOn, today);
  const text =
    state.kind === 'notOpen'
      ? t('progress.opensIn', { count: state.days })
      : state.kind === 'ended'
        ? t('progress.ended')
        : state.daysLeft === 1
          ? t('progress.lastDay')
          : t('progress.daysLeft', { count: state.daysLeft });
  return <strong className="countdown">{text}</strong>;
}
