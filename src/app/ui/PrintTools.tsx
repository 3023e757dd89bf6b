// The screen-only strip above a printable page: a way back, what the print gives, any choices
// (children), and the print button, enabled once there is something to print. Shared by the
// report, the plan and the posters, so every print view is used the same way; none of it prints.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  className?: string;
  back: string;
  backLabel: string;
  intro: string;
  printLabel: string;
  ready: boolean;
  /** Between the intro and the button: choices such as the paper size. */
  children?: ReactNode;
  /** After the button: how the loading went. */
  after?: ReactNode;
}

export function PrintTools({ className, back, backLabel, intro, printLabel, ready, children, after }: Props) {
  return (
    <div className={className ? `no-print ${className}` : 'no-print'}>
      <p>
        <Link to={back}>{backLabel}</Link>
      </p>
      <p>{intro}</p>
      {children}
      <button
        type="button"
        className="button button--primary"
        onClick={() => window.print()}
        disabled={!ready}
      >
        {printLabel}
      </button>
      {after}
    </div>
  );
}
