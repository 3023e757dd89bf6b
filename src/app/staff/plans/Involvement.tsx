// The reps' part (Working Environment Act §6-2: the safety rep is consulted on measures that touch
// the working environment; the union rep supports the work): the leader records when each was
// consulted, and the rep marks the plan as seen from their own account.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_PARTIES, type ConsultationParty } from '../../../shared/api/plans';
import { osloDate } from '../../../shared/dates';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { ResultMessage } from '../ui/ResultMessage';
import { TextField } from '../ui/TextField';
import { PlanApiError } from './PlanApiError';
import { usePlanChange, usePlanContext } from './PlanContext';

export function Involvement() {
  const { t } = useTranslation('followup');
  return (
    <section className="admin-section plan-involvement" aria-labelledby="plan-involvement-title">
      <h2 id="plan-involvement-title">{t('involvement.title')}</h2>
      <p>{t('involvement.intro')}</p>
      <div className="plan-parties">
        {CONSULTATION_PARTIES.map((party) => (
          <Party key={party} party={party} />
        ))}
      </div>
    </section>
  );
}

function Party({ party }: { party: ConsultationParty }) {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { plan, may } = usePlanContext();
  const change = usePlanChange();
  const consultation = plan.consultations[party];
  const [date, setDate] = useState(consultation.consultedOn ?? osloDate());
  const [message, setMessage] = useState('');
  const id = `plan-consulted-${party}`;
  const canMarkSeen = plan.can.markSeen.includes(party) && !consultation.seenOn;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const saved = await change.run((api) => api.consult(plan.id, party, { consultedOn: date || null }));
    if (saved) setMessage(t('involvement.consultedSaved', { party: t(`partyInline.${party}`) }));
  };
  const markSeen = async () => {
    setMessage('');
    const saved = await change.run((api) => api.markSeen(plan.id, party));
    if (saved) setMessage(t('involvement.seenSaved'));
  };

  return (
    <div className="plan-party" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(`party.${party}`)}</h3>
      <p>
        {consultation.consultedOn
          ? t('involvement.consultedOn', { date: formatDate(consultation.consultedOn, language) })
          : t('involvement.notConsulted')}
      </p>
      <p>
        {consultation.seenOn
          ? t('involvement.seenBy', {
              name: consultation.seenBy?.displayName ?? t(`party.${party}`),
              date: formatDate(consultation.seenOn, language),
            })
          : t('involvement.notSeen')}
      </p>
      {may.consultation && (
        <form className="admin-form admin-form--inline" onSubmit={(event) => void save(event)}>
          <TextField
            id={id}
            type="date"
            label={t('involvement.consultedLabel', { party: t(`partyInline.${party}`) })}
            className="admin-field--short"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={change.isBusy}>
            {t('involvement.saveConsulted')}
          </button>
        </form>
      )}
      {canMarkSeen && (
        <>
          <p className="hint" id={`${id}-seen-hint`}>
            {t('involvement.markSeenHint')}
          </p>
          <button
            type="button"
            className="button button--primary"
            aria-describedby={`${id}-seen-hint`}
            disabled={change.isBusy}
            onClick={() => void markSeen()}
          >
            {t('involvement.markSeen')}
          </button>
        </>
      )}
      <ResultMessage text={message} />
      <PlanApiError error={change.error} focus />
    </div>
  );
}
