// Picks a round (draft or open: codes and tablets are for rounds still to run) and a unit the
// round covers, i.e. its unit or one below it, among the units the person may see.
import { useTranslation } from 'react-i18next';
import type { AdminRound, Unit } from '../../../shared/api/organisation';
import { subtreeIds } from '../../../shared/unit-tree';
import { UnitOptions } from './UnitOptions';
import { SelectField } from './SelectField';

export interface RoundUnit {
  roundId: string;
  unitId: string;
}

interface Props {
  idPrefix: string;
  rounds: readonly AdminRound[];
  units: readonly Unit[];
  value: RoundUnit;
  onChange: (value: RoundUnit) => void;
}

export const activeRounds = (rounds: readonly AdminRound[]) =>
  rounds.filter((r) => r.status === 'draft' || r.status === 'open');

/** The units of `units` at or below `rootId`, in the order given (the shared tree walk). */
function unitsCoveredBy(units: readonly Unit[], rootId: string): Unit[] {
  const covered = subtreeIds(units, rootId);
  return units.filter((u) => covered.has(u.id));
}

export function RoundUnitPicker({ idPrefix, rounds, units, value, onChange }: Props) {
  const { t } = useTranslation('admin');
  const round = rounds.find((r) => r.id === value.roundId);
  // A leader may not see the round's own unit (only their part of it): then all their units count.
  const covered =
    round && units.some((u) => u.id === round.unitId) ? unitsCoveredBy(units, round.unitId) : units;
  return (
    <>
      <SelectField
        id={`${idPrefix}-round`}
        label={t('picker.round')}
        value={value.roundId}
        onChange={(event) => onChange({ roundId: event.target.value, unitId: '' })}
      >
        <option value="">{t('picker.chooseRound')}</option>
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {t('picker.roundOption', { name: r.name, status: t(`rounds.statuses.${r.status}`) })}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-unit`}
        label={t('picker.unit')}
        value={value.unitId}
        disabled={!round}
        onChange={(event) => onChange({ ...value, unitId: event.target.value })}
      >
        <option value="">{t('picker.chooseUnit')}</option>
        <UnitOptions units={covered} />
      </SelectField>
    </>
  );
}
