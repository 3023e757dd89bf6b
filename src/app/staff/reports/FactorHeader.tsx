// A factor as a narrow column header: the short name on screen, the full name for a screen reader
// and as a tooltip, so ten factors fit side by side.
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';

export function FactorHeader({ id }: { id: FactorId }) {
  const { t } = useTranslation(['reports', 'factors']);
  const name = t(`factors:factor.${id}.name`);
  return (
    <th scope="col" className="report-factor-col">
      <span aria-hidden="true" title={name}>
        {t(`reports:factorShort.${id}`)}
      </span>
      <span className="visually-hidden">{name}</span>
    </th>
  );
}
