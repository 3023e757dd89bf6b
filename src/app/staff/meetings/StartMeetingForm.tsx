// The form that starts a meeting for a unit: the template (each said in one line), the candidate
// factors for an analysis meeting (all ten unless the leader unticks some), the number of groups,
// one-device mode and the language (the municipality's unless the leader picks). On success the
// leader lands on the presenter view.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreateMeetingBody } from '../../../shared/api/meetings';
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import type { MunicipalityLanguage } from '../../../shared/languages';
import { MAX_GROUPS, MEETING_TEMPLATES, MIN_GROUPS, type MeetingTemplate } from '../../../shared/meetings';
import { meetingsApi } from '../api/meetings';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { CheckField } from '../ui/CheckField';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { MeetingApiError } from './MeetingApiError';
import { MEETING_PATHS } from './paths';

interface Props {
  roundId: string;
  unitId: string;
  /** The municipality's language, when known (from the unit's report). */
  municipalityLanguage?: MunicipalityLanguage;
}

export function StartMeetingForm({ roundId, unitId, municipalityLanguage }: Props) {
  const { t } = useTranslation(['presenter', 'factors']);
  const id = useId();
  const { request } = useSession();
  const navigate = useNavigate();
  const [template, setTemplate] = useState<MeetingTemplate>('analysis');
  const [factors, setFactors] = useState<readonly FactorId[]>(FACTOR_IDS);
  const [groups, setGroups] = useState('1');
  const [oneDevice, setOneDevice] = useState(false);
  const [language, setLanguage] = useState<'' | MunicipalityLanguage>('');
  const [errors, setErrors] = useState<{ groups?: string; factors?: string }>({});
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const groupsRef = useRef<HTMLInputElement>(null);
  const factorsRef = useRef<HTMLFieldSetElement>(null);

  const toggle = (factor: FactorId, on: boolean) =>
    setFactors(FACTOR_IDS.filter((f) => (f === factor ? on : factors.includes(f))));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const count = Number(groups);
    const next = {
      groups:
        Number.isInteger(count) && count >= MIN_GROUPS && count <= MAX_GROUPS
          ? undefined
          : t('start.groupsError', { min: MIN_GROUPS, max: MAX_GROUPS }),
      factors: template === 'analysis' && factors.length === 0 ? t('start.factorsError') : undefined,
    };
    setErrors(next);
    if (next.factors) return factorsRef.current?.querySelector('input')?.focus();
    if (next.groups) return groupsRef.current?.focus();
    const body: CreateMeetingBody = {
      roundId,
      unitId,
      template,
      groups: count,
      oneDevice,
      ...(template === 'analysis' && { candidateFactors: [...factors] }),
      ...(language && { language }),
    };
    setIsBusy(true);
    setError(undefined);
    try {
      const view = await meetingsApi(request).create(body);
      void navigate(MEETING_PATHS.presenter(view.snapshot.meetingId));
    } catch (caught) {
      setError(toStaffApiError(caught));
      setIsBusy(false);
    }
  }

  const municipalityChoice = municipalityLanguage
    ? t('start.languageDefault', { language: t(`start.languageName.${municipalityLanguage}`) })
    : t('start.languageDefaultUnknown');
  return (
    <form className="admin-form meeting-start" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className="admin-fieldset">
        <legend>{t('start.templateLegend')}</legend>
        {MEETING_TEMPLATES.map((value) => (
          <div key={value} className="meeting-start__choice">
            <input
              id={`${id}-template-${value}`}
              type="radio"
              name={`${id}-template`}
              value={value}
              checked={template === value}
              aria-describedby={`${id}-template-${value}-hint`}
              onChange={() => setTemplate(value)}
            />
            <label htmlFor={`${id}-template-${value}`}>{t(`template.${value}`)}</label>
            <p id={`${id}-template-${value}-hint`} className="hint">
              {t(`start.templateHint.${value}`)}
            </p>
          </div>
        ))}
      </fieldset>
      {template === 'analysis' && (
        <fieldset
          ref={factorsRef}
          className="admin-fieldset"
          aria-describedby={errors.factors ? `${id}-factors-error` : `${id}-factors-hint`}
        >
          <legend>{t('start.factorsLegend')}</legend>
          <p id={`${id}-factors-hint`} className="hint">
            {t('start.factorsHint')}
          </p>
          {errors.factors && (
            <p id={`${id}-factors-error`} className="field-error">
              {errors.factors}
            </p>
          )}
          {FACTOR_IDS.map((factor) => (
            <CheckField
              key={factor}
              id={`${id}-factor-${factor}`}
              label={t(`factors:factor.${factor}.name`)}
              checked={factors.includes(factor)}
              onChange={(on) => toggle(factor, on)}
            />
          ))}
        </fieldset>
      )}
      <TextField
        ref={groupsRef}
        id={`${id}-groups`}
        label={t('start.groups')}
        hint={t('start.groupsHint', { min: MIN_GROUPS, max: MAX_GROUPS })}
        error={errors.groups}
        type="number"
        inputMode="numeric"
        min={MIN_GROUPS}
        max={MAX_GROUPS}
        value={groups}
        onChange={(e) => setGroups(e.target.value)}
      />
      <CheckField
        id={`${id}-one-device`}
        label={t('start.oneDevice')}
        hint={t('start.oneDeviceHint')}
        checked={oneDevice}
        onChange={setOneDevice}
      />
      <SelectField
        id={`${id}-language`}
        label={t('start.language')}
        value={language}
        onChange={(e) => setLanguage(e.target.value as '' | MunicipalityLanguage)}
      >
        <option value="">{municipalityChoice}</option>
        <option value="nb">{t('start.languageName.nb')}</option>
        <option value="nn">{t('start.languageName.nn')}</option>
      </SelectField>
      <MeetingApiError error={error} focus />
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {t('start.submit')}
      </button>
    </form>
  );
}
