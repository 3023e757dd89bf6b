// Owns the rules of the unit tree: a unit never moves below itself (the tree stays a tree), and a
// unit that anything still refers to is not deleted; the message says what refers to it. Pure: the
// caller reads the parent map and the references (../repositories/units.ts).
import { ancestorIds } from '../../shared/unit-tree';
import type { UnitReference } from '../repositories/units';

/** Whether putting `unitId` under `parentId` would make the unit its own ancestor. */
export function wouldMakeCycle(
  parentOf: ReadonlyMap<string, string | null>,
  unitId: string,
  parentId: string,
): boolean {
  return parentId === unitId || ancestorIds(parentOf, parentId).includes(unitId);
}

const REFERENCE_TEXT: Record<UnitReference, string> = {
  children: 'units below it',
  rounds: 'rounds',
  frames: 'rounds that include it',
  answers: 'answers',
  codes: 'codes',
  kiosks: 'kiosks',
  kioskEnrolments: 'kiosk enrolments',
  refusedAnswers: 'refused answers',
};

/** What UNIT_IN_USE says, or undefined when nothing refers to the unit and it may go. */
export function inUseMessage(references: readonly UnitReference[]): string | undefined {
  if (references.length === 0) return undefined;
  return `The unit still has ${references.map((r) => REFERENCE_TEXT[r]).join(', ')}`;
}
