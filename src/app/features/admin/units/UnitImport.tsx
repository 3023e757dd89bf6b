// CSV import of the unit tree: paste the text or pick a file. The server takes all lines or none;
// when it refuses, every bad line is listed with its number, and focus moves to that list.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitImportResponse } from '../../../../shared/api/organisation';
import { ApiError } from '../ui/ApiError';
import { useAction } from '../ui/useAction';
import { csvLineErrors } from './csv-errors';

export function UnitImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('admin');
  const action = useAction();
  const [csv, setCsv] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<UnitImportResponse>();
  const errorsRef = useRef<HTMLDivElement>(null);
  const lineErrors = csvLineErrors(action.error);

  useEffect(() => {
    if (lineErrors.length > 0) errorsRef.current?.focus();
  }, [lineErrors.length]);

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(undefined);
    setMissing(csv.trim() === '');
    if (csv.trim() === '') {
      document.getElementById('units-csv')?.focus();
      return;
    }
    const imported = await action.run((api) => api.importUnits(csv));
    if (imported) {
      setResult(imported.value);
      onImported();
    }
  }

  return (
    <section aria-labelledby="units-import-title" className="admin-section">
      <h2 id="units-import-title">{t('import.title')}</h2>
      <p id="units-csv-hint">{t('import.intro')}</p>
      <p className="admin-example-label">{t('import.exampleLabel')}</p>
      <pre className="admin-example">{t('import.example')}</pre>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="units-file" className="field-label">
          {t('import.file')}
        </label>
        <input
          id="units-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
        <label htmlFor="units-csv" className="field-label">
          {t('import.text')}
        </label>
        {missing && (
          <p id="units-csv-error" className="field-error">
            {t('import.missing')}
          </p>
        )}
        <textarea
          id="units-csv"
          rows={8}
          spellCheck={false}
          value={csv}
          aria-invalid={missing || lineErrors.length > 0 ? true : undefined}
          aria-describedby={[
            'units-csv-hint',
            missing ? 'units-csv-error' : '',
            lineErrors.length ? 'units-csv-lines' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => setCsv(event.target.value)}
        />
        {lineErrors.length > 0 ? (
          <div ref={errorsRef} tabIndex={-1} id="units-csv-lines" className="admin-error-list" role="alert">
            <p>{t('import.badLines', { count: lineErrors.length })}</p>
            <ul>
              {lineErrors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {t('import.line', { line: e.line })} {/* The server writes these messages in English. */}
                  <span lang="en">{e.message}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ApiError error={action.error} />
        )}
        <button type="submit" className="button button--primary" disabled={action.isBusy}>
          {t('import.submit')}
        </button>
        <p role="status" className="admin-saved">
          {result ? t('import.done', { created: result.created, updated: result.updated }) : ''}
        </p>
      </form>
    </section>
  );
}
