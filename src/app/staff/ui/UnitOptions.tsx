// <option>s for a unit select, indented by depth so the tree shows inside the list.
import type { Unit } from '../../../shared/api/organisation';
import { buildTree, flattenTree } from '../../../shared/unit-tree';

export function UnitOptions({ units }: { units: readonly Pick<Unit, 'id' | 'parentId' | 'name'>[] }) {
  return flattenTree(buildTree(units)).map(({ item, depth }) => (
    <option key={item.id} value={item.id}>
      {`${'\u00a0\u00a0'.repeat(depth)}${item.name}`}
    </option>
  ));
}
