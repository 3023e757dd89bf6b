// The admin's form for the plan's dates: each phase but the survey (which is the round's window)
// with its start, end and a note; "use the suggestion" puts a phase back on the dates drawn from
// the window. Saving sends only the phases that differ from the suggestion, so the others keep
// moving with the window.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseChange, PreparationPlan } from '../../../shared/api/preparation';
import {
  defaultPhases,
  EDITABLE_PHASES,
  MAX_PHASE_NOTE_LENGTH,
  type EditablePhase,
} from '../../../shared/preparation';
import { preparationApi } from '../api/preparation';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ResultMessage } from '../ui/ResultMessage';
import { TextField } from '../ui/TextField';

type Draft = Record<EditablePhase, { startsOn: string; endsOn: string; note: string }>;

function draftOf(plan: PreparationPlan): Draft {
  const byPhase = new Map(plan.phases.map((p) => [p.phase, p]));
  return Object.fromEntries(
    EDITABLE_PHASES.map((phase) => {
      const p = byPhase.get(phase);
      return [phase, { startsOn: p?.startsOn ?? '', endsOn: p?.endsOn ?? '', note: p?.note ?? '' }];
    }),
  ) as Draft;
}

/** The phases to send: those whose dates or note differ from the suggestion. */
export function changesOf(draft: Draft, suggested: ReturnType<typeof defaultPhases>): PhaseChange[] {
  return EDITABLE_PHASES.flatMap((phase) => {
    const d = draft[phase];
    const s = suggested.find((p) => p.phase === phase);
    const same = s && s.startsOn === d.startsOn && s.endsOn === d.endsOn && d.note.trim() === '';
    return same ? [] : [{ phase, startsOn: d.startsOn, endsOn: d.endsOn, note: d.note.trim() }];
  });
}

export function PhaseEditor({ plan, onSaved }: { plan: PreparationPlan; onSaved: () => void }) {
  const { t } = useTranslation('preparation');
  const { request } = useSession();
  const [draft, setDraft] = useState(() => draftOf(plan));
  const [problems, setProblems] = useState<Partial<Record<EditablePhase, string>>>({});
  const [error, setError] = useState<StaffApiError>();
  const [saved, setSaved] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const suggested = defaultPhases(plan.round.opensOn, plan.round.closesOn);

  const set = (phase: EditablePhase, field: keyof Draft[EditablePhase], value: string) => {
    setSaved('');
    setDraft((d) => ({ ...d, [phase]: { ...d[phase], [field]: value } }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<EditablePhase, string>> = {};
    for (const phase of EDITABLE_PHASES) {
      const d = draft[phase];
      if (!d.startsOn || !d.endsOn) found[phase] = t('edit.missingDate');
      else if (d.startsOn > d.endsOn) found[phase] = t('edit.endBeforeStart');
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setIsBusy(true);
    setError(undefined);
    try {
      await preparationApi(request).save(plan.round.id, { phases: changesOf(draft, suggested) });
      setSaved(t('edit.saved'));
      onSaved();
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="admin-form phase-editor" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('edit.title')}</h3>
      <p>{t('edit.intro')}</p>
      {EDITABLE_PHASES.map((phase) => {
        const s = suggested.find((p) => p.phase === phase)!;
        const d = draft[phase];
        const isSuggested = s.startsOn === d.startsOn && s.endsOn === d.endsOn;
        const id = `phase-${phase}`;
        return (
          <fieldset key={phase} className="phase-editor__phase">
            <legend>{t(`phase.${phase}.name`)}</legend>
            <p className="hint">{isSuggested ? t('edit.suggested') : t('edit.custom')}</p>
            <div className="phase-editor__dates">
              <TextField
                id={`${id}-start`}
                type="date"
                label={t('edit.startsOn')}
                value={d.startsOn}
                error={problems[phase]}
                onChange={(e) => set(phase, 'startsOn', e.target.value)}
              />
              <TextField
                id={`${id}-end`}
                type="date"
                label={t('edit.endsOn')}
                value={d.endsOn}
                onChange={(e) => set(phase, 'endsOn', e.target.value)}
              />
            </div>
            <TextField
              id={`${id}-note`}
              label={t('edit.note')}
              value={d.note}
              maxLength={MAX_PHASE_NOTE_LENGTH}
              onChange={(e) => set(phase, 'note', e.target.value)}
            />
            {!isSuggested && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  set(phase, 'startsOn', s.startsOn);
                  set(phase, 'endsOn', s.endsOn);
                }}
              >
                {t('edit.useSuggested')}
                <span className="visually-hidden">: {t(`phase.${phase}.name`)}</span>
              </button>
            )}
          </fieldset>
        );
      })}
      <ApiError error={error} focus />
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {t('edit.save')}
      </button>
      <ResultMessage text={saved} />
    </form>
  );
}
