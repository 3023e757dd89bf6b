// The way into a unit's meetings from its report and its plan (through the staff slots).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LazyTexts } from '../../ui/LazyTexts';
import { MEETING_PATHS } from './paths';

export function MeetingsButton({ roundId, unitId }: { roundId: string; unitId: string }) {
  return (
    <LazyTexts namespaces={['presenter']}>
      <MeetingsLink roundId={roundId} unitId={unitId} />
    </LazyTexts>
  );
}

function MeetingsLink({ roundId, unitId }: { roundId: string; unitId: string }) {
  const { t } = useTranslation('presenter');
  return (
    <Link className="button button--secondary" to={MEETING_PATHS.unit(roundId, unitId)}>
      {t('slot.button')}
    </Link>
  );
}
