// Meeting 2's outcome: the chosen measures, each for a focus factor with an owner and a deadline,
// written into the unit's plan in one go. Rows are added and removed with buttons; every field is
// checked before anything is sent.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { MEETING_PATHS } from './paths';
import type { Act } from './usePresenter';

interface Row {
  key: number;
  factorId: FactorId;
  text: string;
  responsible: string;
  deadline: string;
}

/** The factors measures are for: the rounds of this meeting, else the focus, else all ten. */
export function measureFactors(snapshot: MeetingSnapshot): FactorId[] {
  const fromSteps = snapshot.steps.flatMap((s) => (s.kind === 'igp' && s.factorId ? [s.factorId] : []));
  const fromFocus = snapshot.focus ? [snapshot.focus.keep, snapshot.focus.improve] : [];
  const found = [...new Set([...fromSteps, ...fromFocus])];
  return found.length > 0 ? found : [...FACTOR_IDS];
}

export function MeasuresStep({
  snapshot,
  act,
  isBusy,
}: {
  snapshot: MeetingSnapshot;
  act: Act;
  isBusy: boolean;
}) {
  const { t } = useTranslation(['presenter', 'factors']);
  const id = useId();
  const factors = measureFactors(snapshot);
  const blank = (key: number): Row => ({
    key,
    factorId: factors[0] ?? FACTOR_IDS[0],
    text: '',
    responsible: '',
    deadline: '',
  });
  const [rows, setRows] = useState<Row[]>([blank(1)]);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = (key: number, patch: Partial<Row>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const missing = (r: Row, field: 'text' | 'responsible' | 'deadline') => showErrors && !r[field].trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const isComplete = rows.every(
      (r) => r.text.trim() && r.responsible.trim() && /^\d{4}-\d{2}-\d{2}$/.test(r.deadline),
    );
    setShowErrors(!isComplete);
    if (!isComplete) return;
    const ok = await act((api) =>
      api.measures(snapshot.meetingId, {
        measures: rows.map((r) => ({
          factorId: r.factorId,
          text: r.text.trim(),
          responsible: r.responsible.trim(),
          deadline: r.deadline,
        })),
      }),
    );
    setSaved(ok);
  }

  return (
    <form className="presenter-measures" noValidate onSubmit={(e) => void submit(e)}>
      <p>{t('measures.lead')}</p>
      {rows.map((r, index) => (
        <fieldset key={r.key} className="admin-fieldset presenter-measure">
          <legend>{t('measures.legend', { number: index + 1 })}</legend>
          <SelectField
            id={`${id}-${r.key}-factor`}
            label={t('measures.factor')}
            value={r.factorId}
            onChange={(e) => set(r.key, { factorId: e.target.value as FactorId })}
          >
            {factors.map((f) => (
              <option key={f} value={f}>
                {t(`factors:factor.${f}.name`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${id}-${r.key}-text`}
            label={t('measures.text')}
            maxLength={300}
            value={r.text}
            error={missing(r, 'text') ? t('measures.required') : undefined}
            onChange={(e) => set(r.key, { text: e.target.value })}
          />
          <TextField
            id={`${id}-${r.key}-responsible`}
            label={t('measures.responsible')}
            maxLength={100}
            value={r.responsible}
            error={missing(r, 'responsible') ? t('measures.required') : undefined}
            onChange={(e) => set(r.key, { responsible: e.target.value })}
          />
          <TextField
            id={`${id}-${r.key}-deadline`}
            label={t('measures.deadline')}
            type="date"
            value={r.deadline}
            error={missing(r, 'deadline') ? t('measures.dateRequired') : undefined}
            onChange={(e) => set(r.key, { deadline: e.target.value })}
          />
          {rows.length > 1 && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              {t('measures.remove', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="admin-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={rows.length >= 30}
          onClick={() => setRows([...rows, blank(Math.max(...rows.map((r) => r.key)) + 1)])}
        >
          {t('measures.add')}
        </button>
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('measures.submit')}
        </button>
      </div>
      {showErrors && (
        <p className="field-error" role="alert">
          {t('measures.incomplete')}
        </p>
      )}
      {saved && (
        <p role="status">
          {t('measures.saved')}{' '}
          {snapshot.planId && <Link to={MEETING_PATHS.plan(snapshot.planId)}>{t('common.openPlan')}</Link>}
        </p>
      )}
    </form>
  );
}
