// "Slett runden for godt" (issue 15), for the admin: a panel that first says everything that goes
// with the round (the server's preview: answers, sealed answers, the figures and trends built on
// them, codes, tablets, follow-up plans and meetings), then asks for the round's name typed out
// before the deletion is sent. Opening moves focus to the panel's heading; Cancel and Escape close
// it and return focus to the button that opened it. The server checks the name again.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminRound } from '../../../shared/api/organisation';
import type { RoundDeletionPreview } from '../../../shared/api/retention';
import { normaliseLanguage } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import { retentionApi } from '../api/retention';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { TextField } from '../ui/TextField';
import { DeletionList } from './DeletionList';

interface Props {
  round: AdminRound;
  onDeleted: (name: string) => void;
}

export function DeleteRound({ round, onDeleted }: Props) {
  const { t, i18n } = useTranslation('retention');
  const lng = normaliseLanguage(i18n.language);
  const { request } = useSession();
  const [isOpen, setIsOpen] = useState(false);
  const [preview, setPreview] = useState<RoundDeletionPreview>();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  const id = `round-delete-${round.id}`;

  useEffect(() => {
    if (isOpen) headingRef.current?.focus();
    else if (wasOpen.current) openRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  async function open() {
    setIsOpen(true);
    setPreview(undefined);
    setError(undefined);
    try {
      setPreview(await retentionApi(request).deletionPreview(round.id));
    } catch (caught) {
      setError(toStaffApiError(caught));
    }
  }

  function close() {
    setIsOpen(false);
    setTyped('');
    setMismatch(false);
    setError(undefined);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!preview) return;
    if (typed !== preview.name) {
      setMismatch(true);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setMismatch(false);
    setIsBusy(true);
    setError(undefined);
    try {
      await retentionApi(request).deleteRound(round.id, typed);
      onDeleted(preview.name);
    } catch (caught) {
      setError(toStaffApiError(caught));
      setIsBusy(false);
    }
  }

  if (!isOpen) {
    return (
      <button
        ref={openRef}
        type="button"
        className="button button--small button--danger"
        aria-label={t('deletion.openNamed', { name: round.name })}
        onClick={() => void open()}
      >
        {t('deletion.open')}
      </button>
    );
  }
  return (
    <section
      className="round-delete"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('deletion.title', { name: round.name })}
      </h3>
      {!preview && !error && <p role="status">{t('deletion.loading')}</p>}
      {preview && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('deletion.intro')}</p>
          <DeletionList preview={preview} />
          {preview.answersDeletedOn !== null && (
            <p>{t('deletion.answersDeleted', { date: formatDate(preview.answersDeletedOn, lng) })}</p>
          )}
          <p>{t('deletion.kept')}</p>
          <TextField
            id={`${id}-name`}
            label={t('deletion.confirmLabel')}
            hint={t('deletion.confirmHint', { name: preview.name })}
            error={mismatch ? t('deletion.mismatch') : undefined}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="admin-actions">
            <button type="submit" className="button button--small button--danger-solid" disabled={isBusy}>
              {t('deletion.confirm')}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={close}>
              {t('deletion.cancel')}
            </button>
          </div>
        </form>
      )}
      <ApiError
        error={error}
        focus
        messageFor={(e) => (e.code === 'DELETION_NOT_CONFIRMED' ? t('errors.notConfirmed') : undefined)}
      />
      {!preview && error && (
        <button type="button" className="button button--small button--secondary" onClick={close}>
          {t('deletion.cancel')}
        </button>
      )}
    </section>
  );
}
