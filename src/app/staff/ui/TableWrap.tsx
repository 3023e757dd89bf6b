// A table's box that scrolls sideways on a narrow screen. It can take focus and is named after the
// table, so a keyboard user can scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="admin-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
