// The frame every admin form control shares: its label, and a hint and an error that the control
// points to with aria-describedby (see described-by.ts), so a screen reader reads what is wrong.
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: ReactNode;
}

export function FieldFrame({ id, label, hint, error, className, children }: Props) {
  return (
    <div className={`admin-field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
