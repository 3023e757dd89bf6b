// /admin/oppfolging/oversikt — follow-up for HR and top management, for the municipality or one
// sector: the share of units with an agreed plan, plans and measures by status, what is overdue,
// which factors the units chose (a chart with the same figures in a table beside it), and each
// unit's row. Exported as CSV and printable for the working-environment committee (AMU).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../ui/ApiError';
import { SelectField } from '../ui/SelectField';
import { useUnits } from '../ui/useOrganisation';
import { FocusCountForm } from './FocusCountForm';
import { OverviewBody } from './OverviewBody';
import { PlanApiError } from './PlanApiError';
import { useOverview, usePlanList } from './usePlans';

export function OverviewScreen() {
  const { t } = useTranslation('followup');
  const rounds = usePlanList();
  const [roundId, setRoundId] = useState<string>();
  const chosenRound = roundId ?? rounds.data?.roundId ?? undefined;
  return (
    <div className="screen admin-screen plan-overview">
      <h1>{t('overview.title')}</h1>
      <p className="no-print">{t('overview.intro')}</p>
      <FocusCountForm />
      <PlanApiError error={rounds.error} />
      {rounds.isLoading && <p role="status">{t('common.loading')}</p>}
      {rounds.data && rounds.data.rounds.length === 0 && <p className="admin-notice">{t('list.noRounds')}</p>}
      {rounds.data && rounds.data.rounds.length > 0 && (
        <div className="no-print">
          <SelectField
            id="overview-round"
            label={t('list.round')}
            value={chosenRound ?? ''}
            onChange={(event) => setRoundId(event.target.value)}
          >
            {rounds.data.rounds.map((round) => (
              <option key={round.id} value={round.id}>
                {round.name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {chosenRound && <RoundOverview key={chosenRound} roundId={chosenRound} />}
    </div>
  );
}

function RoundOverview({ roundId }: { roundId: string }) {
  const { t } = useTranslation('followup');
  const [sectorId, setSectorId] = useState('');
  const whole = useOverview(roundId);
  const units = useUnits();
  const rootId = whole.data?.unit.id;
  const sectors = (units.data?.units ?? []).filter((u) => rootId !== undefined && u.parentId === rootId);
  return (
    <>
      {sectors.length > 0 && (
        <div className="no-print">
          <SelectField
            id="overview-sector"
            label={t('overview.sector')}
            value={sectorId}
            onChange={(event) => setSectorId(event.target.value)}
          >
            <option value="">{t('overview.wholeMunicipality', { unit: whole.data?.unit.name ?? '' })}</option>
            {sectors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <ApiError error={units.error} />
      {sectorId ? (
        <SectorOverview key={sectorId} roundId={roundId} unitId={sectorId} />
      ) : (
        <Shown query={whole} />
      )}
    </>
  );
}

function SectorOverview({ roundId, unitId }: { roundId: string; unitId: string }) {
  return <Shown query={useOverview(roundId, unitId)} />;
}

function Shown({ query }: { query: ReturnType<typeof useOverview> }) {
  const { t } = useTranslation('followup');
  return (
    <>
      <PlanApiError error={query.error} />
      {query.isLoading && <p role="status">{t('common.loading')}</p>}
      {query.data && <OverviewBody overview={query.data} />}
    </>
  );
}
