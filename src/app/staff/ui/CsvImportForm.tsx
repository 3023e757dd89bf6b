// One CSV import form for every staff import (units, national figures): pick a file or paste the
// text. The server takes all lines or none; when it refuses, every bad line is listed with its
// number and its problem in the reader's language, and focus moves to that list. Each import
// brings its own texts, request and help (for example the unit types it accepts).
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './ApiError';
import { ResultMessage } from './ResultMessage';
import { useAction } from './useAction';
import { csvLineErrors } from './csv-errors';

export interface CsvImportTexts {
  title: string;
  intro: string;
  exampleLabel: string;
  example: string;
  file: string;
  text: string;
  missing: string;
  submit: string;
  badLines: (count: number) => string;
  line: (line: number) => string;
}

interface CsvImportFormProps<T> {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  texts: CsvImportTexts;
  send: (csv: string) => Promise<T>;
  /** The status line after a successful import. */
  describeResult: (result: T) => string;
  onImported: () => void;
  /** Shown under the example: what the columns accept. */
  help?: ReactNode;
}

export function CsvImportForm<T>({
  id,
  texts,
  send,
  describeResult,
  onImported,
  help,
}: CsvImportFormProps<T>) {
  const { t } = useTranslation('admin');
  const action = useAction();
  const [csv, setCsv] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState('');
  const errorsRef = useRef<HTMLDivElement>(null);
  const lineErrors = csvLineErrors(action.error);
  const field = `${id}-csv`;

  useEffect(() => {
    if (lineErrors.length > 0) errorsRef.current?.focus();
  }, [lineErrors.length]);

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    setMissing(csv.trim() === '');
    if (csv.trim() === '') {
      document.getElementById(field)?.focus();
      return;
    }
    const imported = await action.run(() => send(csv));
    if (imported) {
      setDone(describeResult(imported.value));
      onImported();
    }
  }

  const describedBy = [
    `${field}-hint`,
    missing ? `${field}-error` : '',
    lineErrors.length ? `${field}-lines` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section aria-labelledby={`${id}-import-title`} className="admin-section">
      <h2 id={`${id}-import-title`}>{texts.title}</h2>
      <p id={`${field}-hint`}>{texts.intro}</p>
      <p className="admin-example-label">{texts.exampleLabel}</p>
      <pre className="admin-example">{texts.example}</pre>
      {help}
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={`${id}-file`} className="field-label">
          {texts.file}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
        <label htmlFor={field} className="field-label">
          {texts.text}
        </label>
        {missing && (
          <p id={`${field}-error`} className="field-error">
            {texts.missing}
          </p>
        )}
        <textarea
          id={field}
          rows={8}
          spellCheck={false}
          value={csv}
          aria-invalid={missing || lineErrors.length > 0 ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setCsv(event.target.value)}
        />
        {lineErrors.length > 0 ? (
          <div ref={errorsRef} tabIndex={-1} id={`${field}-lines`} className="admin-error-list" role="alert">
            <p>{texts.badLines(lineErrors.length)}</p>
            <ul>
              {lineErrors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {texts.line(e.line)}{' '}
                  {e.problem ? (
                    t(`csvProblems.${e.problem}`, e.values)
                  ) : (
                    // A problem this build does not know: the server's own words, in English.
                    <span lang="en">{e.message}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ApiError error={action.error} focus />
        )}
        <button type="submit" className="button button--primary" disabled={action.isBusy}>
          {texts.submit}
        </button>
        <ResultMessage text={done} />
      </form>
    </section>
  );
}
