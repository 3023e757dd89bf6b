// A button for something that cannot be undone (delete, close a round, revoke a tablet): the first
// press asks, in place, and moves focus to the confirming button; Cancel returns focus.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** The accessible name, when the visible label needs its object ("Delete Avdeling 2"). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  danger?: boolean;
}

export function ConfirmButton({
  label,
  ariaLabel,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  danger,
}: Props) {
  const { t } = useTranslation('admin');
  const [isAsking, setIsAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  const kind = danger ? 'button--danger' : 'button--secondary';
  if (!isAsking) {
    return (
      <button
        ref={openRef}
        type="button"
        className={`button button--small ${kind}`}
        aria-label={ariaLabel}
        disabled={disabled}
        onClick={() => setIsAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="admin-confirm" role="group" aria-label={question}>
      <span className="admin-confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className={`button button--small ${danger ? 'button--danger-solid' : 'button--primary'}`}
        onClick={() => {
          setIsAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => setIsAsking(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
