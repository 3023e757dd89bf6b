// The plan forms' own controls: a labelled text area with hint and error, and a group of radio
// choices with a legend, wired like the staff kit's TextField (FieldFrame, described-by).
import type { ComponentProps } from 'react';
import { describedBy } from '../ui/described-by';
import { FieldFrame } from '../ui/FieldFrame';

interface AreaProps extends Omit<ComponentProps<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextAreaField({ id, label, hint, error, rows = 3, ...area }: AreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
    </FieldFrame>
  );
}

interface ChoiceProps<T extends string> {
  name: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

export function RadioChoices<T extends string>({ name, legend, options, value, onChange }: ChoiceProps<T>) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
