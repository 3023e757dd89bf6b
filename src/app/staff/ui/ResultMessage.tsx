// What an action achieved ("Runden er laga"), said where the action was and focused: a keyboard or
// screen-reader user who pressed Save lands on the result, not on the page body (the form that had
// focus may be gone). Empty text renders the live region only, so the next message is announced.
import { useEffect, useRef } from 'react';

export function ResultMessage({ text, id }: { text: string; id?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  return (
    <p ref={ref} id={id} role="status" className="admin-saved" tabIndex={text ? -1 : undefined}>
      {text}
    </p>
  );
}
