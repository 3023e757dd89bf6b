// /admin/enheter — the municipality's unit tree: sector → unit → department, any depth. Edit it in
// place, or import it with employee counts from a CSV file.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../ui/ApiError';
import { CreateSection } from '../ui/CreateSection';
import { useUnits, useUnitTypes } from '../ui/useOrganisation';
import { UnitForm } from './UnitForm';
import { UnitImport } from './UnitImport';
import { UnitTreeItem } from './UnitTreeItem';
import { buildTree } from '../../../shared/unit-tree';

export function UnitsScreen() {
  const { t } = useTranslation('admin');
  const units = useUnits();
  const unitTypes = useUnitTypes();
  const types = unitTypes.data?.unitTypes ?? [];
  const tree = buildTree(units.data?.units ?? []);

  return (
    <div className="screen admin-screen">
      <h1>{t('units.title')}</h1>
      <p>{t('units.intro')}</p>
      <section aria-labelledby="units-tree-title">
        <h2 id="units-tree-title">{t('units.treeTitle')}</h2>
        <ApiError error={units.error ?? unitTypes.error} />
        {units.isLoading && <p role="status">{t('common.loading')}</p>}
        {units.data && tree.length === 0 && <p>{t('units.empty')}</p>}
        {tree.length > 0 && (
          <ul className="unit-tree unit-tree--root">
            {tree.map((node) => (
              <UnitTreeItem key={node.item.id} node={node} unitTypes={types} onChanged={units.reload} />
            ))}
          </ul>
        )}
        <CreateSection openLabel={t('units.addRoot')} buttonClass="button button--secondary">
          {(done) => (
            <UnitForm
              parentId={null}
              unitTypes={types}
              onDone={(saved) => {
                if (saved) units.reload();
                done(saved ? t('units.createdMessage') : undefined);
              }}
            />
          )}
        </CreateSection>
      </section>
      <UnitImport unitTypes={types} onImported={units.reload} />
    </div>
  );
}
