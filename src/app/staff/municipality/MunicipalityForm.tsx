import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../shared/api/organisation';
import { ApiError } from '../ui/ApiError';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';

const NUMBER = /^\d{4}$/;

export function MunicipalityForm({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation('admin');
  const action = useAction();
  const [form, setForm] = useState({
    name: municipality.name,
    number: municipality.number,
    language: municipality.language,
  });
  const [errors, setErrors] = useState<{ name?: string; number?: string }>({});
  const [isSaved, setIsSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      name: form.name.trim() ? undefined : t('municipality.nameMissing'),
      number: NUMBER.test(form.number.trim()) ? undefined : t('municipality.numberInvalid'),
    };
    setErrors(found);
    setIsSaved(false);
    if (found.name || found.number) {
      document.getElementById(found.name ? 'municipality-name' : 'municipality-number')?.focus();
      return;
    }
    const saved = await action.run((api) =>
      api.updateMunicipality({ name: form.name.trim(), number: form.number.trim(), language: form.language }),
    );
    if (saved) setIsSaved(true);
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        id="municipality-name"
        label={t('municipality.name')}
        value={form.name}
        error={errors.name}
        onChange={(event) => setForm({ ...form, name: event.target.value })}
      />
      <TextField
        id="municipality-number"
        label={t('municipality.number')}
        hint={t('municipality.numberHint')}
        inputMode="numeric"
        maxLength={4}
        className="admin-field--short"
        value={form.number}
        error={errors.number}
        onChange={(event) => setForm({ ...form, number: event.target.value })}
      />
      <fieldset className="choice-group">
        <legend>{t('municipality.language')}</legend>
        <p className="hint" id="municipality-language-hint">
          {t('municipality.languageHint')}
        </p>
        {(['nb', 'nn'] as const).map((lng) => (
          <label key={lng} className="choice">
            <input
              type="radio"
              name="municipality-language"
              value={lng}
              checked={form.language === lng}
              aria-describedby="municipality-language-hint"
              onChange={() => setForm({ ...form, language: lng })}
            />
            <span lang={lng}>{t(`municipality.languages.${lng}`)}</span>
          </label>
        ))}
      </fieldset>
      <ApiError error={action.error} />
      <button type="submit" className="button button--primary" disabled={action.isBusy}>
        {t('common.save')}
      </button>
      <p role="status" className="admin-saved">
        {isSaved ? t('common.saved') : ''}
      </p>
    </form>
  );
}
