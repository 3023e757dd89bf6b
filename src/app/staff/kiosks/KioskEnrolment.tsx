// Makes the enrolment QR code a tablet scans to become the unit's survey kiosk for a round. The
// link works once and for a limited time; it is shown here only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskEnrolmentResponse } from '../../../shared/api/organisation';
import { ApiError } from '../ui/ApiError';
import { activeRounds, RoundUnitPicker, type RoundUnit } from '../ui/RoundUnitPicker';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useRounds, useUnits } from '../ui/useOrganisation';
import { EnrolmentCode } from './EnrolmentCode';

export function KioskEnrolment({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('admin');
  const rounds = useRounds();
  const units = useUnits();
  const action = useAction();
  const [pick, setPick] = useState<RoundUnit>({ roundId: '', unitId: '' });
  const [label, setLabel] = useState('');
  const [pickError, setPickError] = useState<string>();
  const [enrolment, setEnrolment] = useState<KioskEnrolmentResponse & { unitName: string }>();
  const list = activeRounds(rounds.data?.rounds ?? []);
  const unit = units.data?.units.find((u) => u.id === pick.unitId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!pick.roundId || !unit) {
      setPickError(t('kiosks.pickFirst'));
      document.getElementById(pick.roundId ? 'kiosk-unit' : 'kiosk-round')?.focus();
      return;
    }
    setPickError(undefined);
    const body = label.trim() ? { label: label.trim() } : {};
    const made = await action.run((api) => api.createEnrolment(pick.roundId, unit.id, body));
    if (made) {
      setEnrolment({ ...made.value, unitName: unit.name });
      onCreated();
    }
  }

  return (
    <section aria-labelledby="kiosk-new-title" className="admin-section">
      <h2 id="kiosk-new-title">{t('kiosks.newTitle')}</h2>
      <p>{t('kiosks.newIntro')}</p>
      <ApiError error={rounds.error ?? units.error} />
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <RoundUnitPicker
          idPrefix="kiosk"
          rounds={list}
          units={units.data?.units ?? []}
          value={pick}
          onChange={setPick}
        />
        {pickError && (
          <p className="field-error" role="alert">
            {pickError}
          </p>
        )}
        <TextField
          id="kiosk-label"
          label={t('kiosks.labelField')}
          hint={t('kiosks.labelHint')}
          maxLength={100}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <ApiError error={action.error} />
        <button type="submit" className="button button--primary" disabled={action.isBusy}>
          {t('kiosks.create')}
        </button>
      </form>
      {enrolment && <EnrolmentCode enrolment={enrolment} unitName={enrolment.unitName} />}
    </section>
  );
}
