// One unit in the tree, with its children in a nested list (screen readers announce the level).
// Change and "add below" open a form in place; delete is offered only for a unit with nothing below
// it, and the server still refuses a unit in use (UNIT_IN_USE).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitType } from '../../../shared/api/organisation';
import { normaliseLanguage } from '../../i18n/i18n';
import { ApiError } from '../ui/ApiError';
import { ConfirmButton } from '../ui/ConfirmButton';
import { useAction } from '../ui/useAction';
import { UnitForm } from './UnitForm';
import type { TreeNode } from '../../../shared/unit-tree';

interface Props {
  node: TreeNode<Unit>;
  unitTypes: readonly UnitType[];
  onChanged: () => void;
}

export function UnitTreeItem({ node, unitTypes, onChanged }: Props) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const action = useAction();
  const [mode, setMode] = useState<'view' | 'edit' | 'add'>('view');
  const unit = node.item;
  const type = unitTypes.find((u) => u.code === unit.unitType);
  const done = (saved: boolean) => {
    setMode('view');
    if (saved) onChanged();
  };
  const meta = [
    type ? type.label[lng] : t('units.noType'),
    unit.employeeCount === null
      ? t('units.employeesUnknown')
      : t('units.employeeCount', { count: unit.employeeCount }),
    ...(unit.openKiosk ? [t('units.openKioskOn')] : []),
  ];

  return (
    <li className="unit-item">
      <div className="unit-row">
        <div className="unit-row__main">
          <span className="unit-row__name">{unit.name}</span>
          <span className="unit-row__meta">{meta.join(' · ')}</span>
        </div>
        <div className="unit-row__actions">
          <button
            type="button"
            className="button button--small button--secondary"
            aria-expanded={mode === 'edit'}
            aria-label={t('units.editNamed', { name: unit.name })}
            onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
          >
            {t('units.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            aria-expanded={mode === 'add'}
            aria-label={t('units.addChildNamed', { name: unit.name })}
            onClick={() => setMode(mode === 'add' ? 'view' : 'add')}
          >
            {t('units.addChild')}
          </button>
          {node.children.length === 0 && (
            <ConfirmButton
              label={t('units.delete')}
              ariaLabel={t('units.deleteNamed', { name: unit.name })}
              question={t('units.deleteQuestion', { name: unit.name })}
              confirmLabel={t('units.deleteConfirm')}
              danger
              disabled={action.isBusy}
              onConfirm={async () => {
                if (await action.run((api) => api.deleteUnit(unit.id))) onChanged();
              }}
            />
          )}
        </div>
      </div>
      <ApiError
        error={action.error}
        messageFor={(e) => (e.code === 'UNIT_IN_USE' ? t('units.inUse') : undefined)}
      />
      {mode === 'edit' && (
        <UnitForm unit={unit} parentId={unit.parentId} unitTypes={unitTypes} onDone={done} />
      )}
      {mode === 'add' && <UnitForm parentId={unit.id} unitTypes={unitTypes} onDone={done} />}
      {node.children.length > 0 && (
        <ul className="unit-tree">
          {node.children.map((child) => (
            <UnitTreeItem key={child.item.id} node={child} unitTypes={unitTypes} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </li>
  );
}
