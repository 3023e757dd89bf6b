// For union and safety representatives: the server shows response rates to leaders and admins
// only, so they see which units they represent (their roles reach those and the units below).
import { useTranslation } from 'react-i18next';
import { buildTree, flattenTree } from '../../../shared/unit-tree';
import { ApiError } from '../ui/ApiError';
import { useUnits } from '../ui/useOrganisation';

export function MyUnitsList() {
  const { t } = useTranslation('admin');
  const units = useUnits();
  const rows = flattenTree(buildTree(units.data?.units ?? []));
  return (
    <>
      <p>{t('progress.repsNote')}</p>
      <ApiError error={units.error} />
      {units.isLoading && <p role="status">{t('common.loading')}</p>}
      <ul className="my-units">
        {rows.map(({ item, depth }) => (
          <li key={item.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
            {item.name}
          </li>
        ))}
      </ul>
    </>
  );
}
