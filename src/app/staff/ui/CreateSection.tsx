// "New round", "New account", "Add unit": a button that opens a form in its place. When the form is
// done, focus goes to the result: the message naming what was made, or, when the form was
// cancelled, back to the button that opened it. Without this the form unmounts under the focus and
// a keyboard user starts again from the top of the page.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ResultMessage } from './ResultMessage';

interface Props {
  openLabel: string;
  buttonClass?: string;
  /** The form; it calls `done` with the message to show when it saved, or with nothing on cancel. */
  children: (done: (savedMessage?: string) => void) => ReactNode;
}

export function CreateSection({ openLabel, buttonClass = 'button button--primary', children }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState('');
  /** Set when a cancelled form closes: the button takes focus back once it is drawn again. */
  const [refocusButton, setRefocusButton] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (refocusButton && !isOpen) buttonRef.current?.focus();
  }, [refocusButton, isOpen]);

  const done = (savedMessage?: string) => {
    if (savedMessage) setMessage(savedMessage);
    setRefocusButton(!savedMessage);
    setIsOpen(false);
  };

  return (
    <>
      <ResultMessage text={message} />
      {isOpen ? (
        children(done)
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className={buttonClass}
          onClick={() => {
            setMessage('');
            setRefocusButton(false);
            setIsOpen(true);
          }}
        >
          {openLabel}
        </button>
      )}
    </>
  );
}
