// Add or edit a measure: the action (written, or taken from the factor card's suggestions and then
// edited), who carries it (a staff account of the unit or a named role), the deadline, the status
// and short notes. The form repeats that a measure is about the unit, never about one person.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEASURE_STATUSES,
  PLAN_TEXT_LIMITS,
  type FocusFactor,
  type Measure,
  type MeasureRequest,
  type MeasureStatus,
} from '../../../shared/api/plans';
import { addDays, osloDate } from '../../../shared/dates';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { RadioChoices, TextAreaField } from './fields';
import { FormEnd } from './FormEnd';
import { usePlanChange, usePlanContext } from './PlanContext';
import { Suggestions } from './Suggestions';
import { useCandidates } from './usePlans';

interface Props {
  focus: FocusFactor;
  measure?: Measure;
  onDone: (message?: string) => void;
}

type Who = 'account' | 'role';

export function MeasureForm({ focus, measure, onDone }: Props) {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const candidates = useCandidates(plan.id);
  const accounts = candidates.data?.accounts ?? [];
  const id = `plan-measure-${measure?.id ?? `new-${focus.id}`}`;
  const [text, setText] = useState(measure?.text ?? '');
  const [who, setWho] = useState<Who>(measure?.responsible.kind ?? 'account');
  const [accountId, setAccountId] = useState(
    measure?.responsible.kind === 'account' ? measure.responsible.accountId : '',
  );
  const [role, setRole] = useState(measure?.responsible.kind === 'role' ? measure.responsible.text : '');
  const [deadline, setDeadline] = useState(measure?.deadline ?? addDays(osloDate(), 42));
  const [status, setStatus] = useState<MeasureStatus>(measure?.status ?? 'not_started');
  const [notes, setNotes] = useState(measure?.notes ?? '');
  const [errors, setErrors] = useState<{ text?: string; who?: string; deadline?: string }>({});
  const chosenAccount = accountId || accounts[0]?.accountId || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      text: text.trim() ? undefined : t('measure.textMissing'),
      who: (who === 'role' ? role.trim() : chosenAccount) ? undefined : t('measure.whoMissing'),
      deadline: /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? undefined : t('measure.deadlineMissing'),
    };
    setErrors(found);
    const first = (['text', 'who', 'deadline'] as const).find((key) => found[key]);
    if (first) {
      const field = {
        text: `${id}-text`,
        who: who === 'role' ? `${id}-role` : `${id}-account`,
        deadline: `${id}-deadline`,
      }[first];
      document.getElementById(field)?.focus();
      return;
    }
    const body: MeasureRequest = {
      text: text.trim(),
      responsible: who === 'role' ? { role: role.trim() } : { accountId: chosenAccount },
      deadline,
      status,
      notes: notes.trim(),
    };
    const saved = await change.run((api) =>
      measure ? api.updateMeasure(plan.id, measure.id, body) : api.addMeasure(plan.id, focus.id, body),
    );
    if (saved) onDone(measure ? t('measure.saved') : t('measure.added'));
  };

  return (
    <form className="admin-form plan-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint plan-form__privacy">{t('privacy.short')}</p>
      <TextAreaField
        id={`${id}-text`}
        label={t('measure.text')}
        hint={t('measure.textHint')}
        error={errors.text}
        maxLength={PLAN_TEXT_LIMITS.measure}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <Suggestions
        factorId={focus.factorId}
        onPick={(suggestion) => {
          setText(suggestion.slice(0, PLAN_TEXT_LIMITS.measure));
          document.getElementById(`${id}-text`)?.focus();
        }}
      />
      <RadioChoices
        name={`${id}-who`}
        legend={t('measure.whoKind')}
        value={who}
        onChange={setWho}
        options={[
          { value: 'account', label: t('measure.whoAccount') },
          { value: 'role', label: t('measure.whoRole') },
        ]}
      />
      {who === 'account' ? (
        <SelectField
          id={`${id}-account`}
          label={t('measure.account')}
          error={errors.who}
          value={chosenAccount}
          onChange={(event) => setAccountId(event.target.value)}
        >
          {accounts.map((account) => (
            <option key={account.accountId} value={account.accountId}>
              {account.displayName}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          id={`${id}-role`}
          label={t('measure.roleLabel')}
          hint={t('measure.roleHint')}
          error={errors.who}
          maxLength={PLAN_TEXT_LIMITS.role}
          value={role}
          onChange={(event) => setRole(event.target.value)}
        />
      )}
      <TextField
        id={`${id}-deadline`}
        type="date"
        label={t('measure.deadline')}
        error={errors.deadline}
        className="admin-field--short"
        value={deadline}
        onChange={(event) => setDeadline(event.target.value)}
      />
      <SelectField
        id={`${id}-status`}
        label={t('measure.status')}
        value={status}
        onChange={(event) => setStatus(event.target.value as MeasureStatus)}
      >
        {MEASURE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`measureStatus.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${id}-notes`}
        label={t('measure.notes')}
        hint={t('measure.notesHint')}
        maxLength={PLAN_TEXT_LIMITS.notes}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
      />
      <FormEnd
        error={change.error}
        busy={change.isBusy}
        saveLabel={measure ? t('measure.saveEdit') : t('measure.save')}
        onCancel={() => onDone()}
      />
    </form>
  );
}
