// A labelled select with the same hint/error wiring as TextField.
import type { ComponentProps, ReactNode } from 'react';
import { describedBy } from './described-by';
import { FieldFrame } from './FieldFrame';

interface Props extends Omit<ComponentProps<'select'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ id, label, hint, error, children, ...select }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
