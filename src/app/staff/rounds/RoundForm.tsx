// A new round, filled with the defaults the domain asks for (src/shared/rounds.ts, the numbers the
// server also applies): two weeks from today, report threshold 5 (never below 3), open question off
// (free text invites identification), background questions on, 7 days of grace for answers
// collected offline before the close.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/organisation';
import { isIsoDate } from '../../../shared/dates';
import { LANGUAGES, type Language } from '../../../shared/languages';
import {
  cleanRoundNames,
  DEFAULT_ROUND_SETTINGS,
  MAX_GRACE_DAYS,
  MIN_THRESHOLD,
} from '../../../shared/rounds';
import { UnitOptions } from '../ui/UnitOptions';
import { ApiError } from '../ui/ApiError';
import { defaultPeriod } from '../ui/admin-format';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { CheckField } from '../ui/CheckField';

type Errors = Partial<
  Record<
    'name' | 'unitId' | 'opensOn' | 'closesOn' | 'threshold' | 'openAnswerThreshold' | 'graceDays',
    string
  >
>;

export function RoundForm({ units, onDone }: { units: readonly Unit[]; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const action = useAction();
  const [form, setForm] = useState(() => ({
    name: '',
    /** The name in other languages; empty fields are left out. */
    names: Object.fromEntries(LANGUAGES.map((l) => [l, ''])) as Record<Language, string>,
    unitId: units.find((u) => u.parentId === null)?.id ?? units[0]?.id ?? '',
    ...defaultPeriod(),
    threshold: String(DEFAULT_ROUND_SETTINGS.threshold),
    openAnswerThreshold: String(DEFAULT_ROUND_SETTINGS.openAnswerThreshold),
    graceDays: String(DEFAULT_ROUND_SETTINGS.graceDays),
    openQuestionEnabled: Boolean(DEFAULT_ROUND_SETTINGS.openQuestionEnabled),
    backgroundEnabled: Boolean(DEFAULT_ROUND_SETTINGS.backgroundEnabled),
  }));
  const [errors, setErrors] = useState<Errors>({});
  const set = (patch: Partial<typeof form>) => setForm((prev) => ({ ...prev, ...patch }));

  function validate(): Errors {
    const threshold = Number(form.threshold);
    const grace = Number(form.graceDays);
    const found: Errors = {};
    if (!form.name.trim()) found.name = t('rounds.nameMissing');
    if (!form.unitId) found.unitId = t('rounds.unitMissing');
    if (!isIsoDate(form.opensOn)) found.opensOn = t('rounds.dateInvalid');
    if (!isIsoDate(form.closesOn)) found.closesOn = t('rounds.dateInvalid');
    else if (form.closesOn < form.opensOn) found.closesOn = t('rounds.closesBeforeOpens');
    if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD)
      found.threshold = t('rounds.thresholdInvalid', { count: MIN_THRESHOLD });
    const openThreshold = Number(form.openAnswerThreshold);
    if (
      form.openQuestionEnabled &&
      (!Number.isInteger(openThreshold) || openThreshold < Math.max(threshold, MIN_THRESHOLD))
    )
      found.openAnswerThreshold = t('rounds.openAnswerThresholdInvalid');
    if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_DAYS)
      found.graceDays = t('rounds.graceInvalid', { count: MAX_GRACE_DAYS });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`round-${first}`)?.focus();
      return;
    }
    const created = await action.run((api) =>
      api.createRound({
        name: form.name.trim(),
        names: cleanRoundNames(form.names),
        unitId: form.unitId,
        opensOn: form.opensOn,
        closesOn: form.closesOn,
        threshold: Number(form.threshold),
        ...(form.openQuestionEnabled && { openAnswerThreshold: Number(form.openAnswerThreshold) }),
        graceDays: Number(form.graceDays),
        openQuestionEnabled: form.openQuestionEnabled,
        backgroundEnabled: form.backgroundEnabled,
      }),
    );
    if (created) onDone(true);
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        id="round-name"
        label={t('rounds.name')}
        hint={t('rounds.nameHint')}
        error={errors.name}
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <fieldset className="admin-fieldset">
        <legend>{t('rounds.namesLegend')}</legend>
        <p id="round-names-hint" className="hint">
          {t('rounds.namesHint')}
        </p>
        {LANGUAGES.map((language) => (
          <TextField
            key={language}
            id={`round-names-${language}`}
            label={t('rounds.nameIn', { language: t(`rounds.languageNames.${language}`) })}
            value={form.names[language]}
            onChange={(e) => set({ names: { ...form.names, [language]: e.target.value } })}
          />
        ))}
      </fieldset>
      <SelectField
        id="round-unitId"
        label={t('rounds.unit')}
        hint={t('rounds.unitHint')}
        error={errors.unitId}
        value={form.unitId}
        onChange={(e) => set({ unitId: e.target.value })}
      >
        <UnitOptions units={units} />
      </SelectField>
      <div className="admin-form__row">
        <TextField
          id="round-opensOn"
          type="date"
          label={t('rounds.opensOn')}
          error={errors.opensOn}
          value={form.opensOn}
          onChange={(e) => set({ opensOn: e.target.value })}
        />
        <TextField
          id="round-closesOn"
          type="date"
          label={t('rounds.closesOn')}
          error={errors.closesOn}
          value={form.closesOn}
          onChange={(e) => set({ closesOn: e.target.value })}
        />
      </div>
      <div className="admin-form__row">
        <TextField
          id="round-threshold"
          type="number"
          min={MIN_THRESHOLD}
          label={t('rounds.threshold')}
          hint={t('rounds.thresholdHint', { count: MIN_THRESHOLD })}
          className="admin-field--short"
          error={errors.threshold}
          value={form.threshold}
          onChange={(e) => set({ threshold: e.target.value })}
        />
        <TextField
          id="round-graceDays"
          type="number"
          min={0}
          max={MAX_GRACE_DAYS}
          label={t('rounds.grace')}
          hint={t('rounds.graceHint')}
          className="admin-field--short"
          error={errors.graceDays}
          value={form.graceDays}
          onChange={(e) => set({ graceDays: e.target.value })}
        />
      </div>
      <CheckField
        id="round-openQuestion"
        label={t('rounds.openQuestion')}
        hint={t('rounds.openQuestionHint')}
        checked={form.openQuestionEnabled}
        onChange={(checked) => set({ openQuestionEnabled: checked })}
      />
      {form.openQuestionEnabled && (
        <TextField
          id="round-openAnswerThreshold"
          type="number"
          min={MIN_THRESHOLD}
          label={t('rounds.openAnswerThreshold')}
          hint={t('rounds.openAnswerThresholdHint')}
          className="admin-field--short"
          error={errors.openAnswerThreshold}
          value={form.openAnswerThreshold}
          onChange={(e) => set({ openAnswerThreshold: e.target.value })}
        />
      )}
      <CheckField
        id="round-background"
        label={t('rounds.background')}
        hint={t('rounds.backgroundHint')}
        checked={form.backgroundEnabled}
        onChange={(checked) => set({ backgroundEnabled: checked })}
      />
      <ApiError error={action.error} focus />
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={action.isBusy}>
          {t('rounds.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
