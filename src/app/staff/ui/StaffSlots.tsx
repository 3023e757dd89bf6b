// Places where one staff feature shows a piece of another without importing it: the report's
// actions and body show the unit's follow-up plan, the start page lists what is due. The shell
// (StaffRoutes) fills the slots; a feature only says where a slot goes. An empty slot renders
// nothing, so each feature works and is tested on its own.
import { createContext, Fragment, useContext, type ReactNode } from 'react';
import type { UnitReportResponse } from '../../../shared/api/reports';

export interface StaffSlots {
  /** Next to the report's print and CSV buttons (also on a report with too few answers). */
  reportActions?: (report: UnitReportResponse) => ReactNode;
  /** In the report body, after the overview: what the previous round's plan did. */
  reportFollowUp?: (report: UnitReportResponse) => ReactNode;
  /** On the start page (/admin), below the response rates. */
  home?: () => ReactNode;
  /** Next to a follow-up plan's print button: the unit's meetings. */
  planActions?: (plan: { roundId: string; unitId: string }) => ReactNode;
}

/** Several features' slots in one: where more than one fills a slot, each shows, in this order. */
export function combineSlots(...all: StaffSlots[]): StaffSlots {
  const names = [...new Set(all.flatMap((s) => Object.keys(s)))] as (keyof StaffSlots)[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      (...args: unknown[]) => (
        <>
          {all.map((s, i) => {
            const slot = s[name] as ((...a: unknown[]) => ReactNode) | undefined;
            return slot ? <Fragment key={i}>{slot(...args)}</Fragment> : null;
          })}
        </>
      ),
    ]),
  );
}

const SlotsContext = createContext<StaffSlots>({});

export const StaffSlotsProvider = SlotsContext.Provider;

export function StaffSlot<K extends keyof StaffSlots>({
  name,
  args,
}: {
  name: K;
  args: Parameters<NonNullable<StaffSlots[K]>>;
}): ReactNode {
  const slot = useContext(SlotsContext)[name] as ((...a: unknown[]) => ReactNode) | undefined;
  return slot ? slot(...(args as unknown[])) : null;
}
