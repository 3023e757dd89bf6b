// /admin/koder — one-time codes for a unit in a round: make N, then print them as slips or download
// the links for an e-mail merge. The server keeps only a hash of each code, so this screen is the
// only time anyone sees them: they live in this component's state and nowhere else.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CODES_PER_REQUEST } from '../../../shared/api/organisation';
import { normaliseLanguage } from '../../i18n/i18n';
import { ApiError } from '../ui/ApiError';
import { formatCount } from '../ui/admin-format';
import { activeRounds, RoundUnitPicker, type RoundUnit } from '../ui/RoundUnitPicker';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useRounds, useUnits } from '../ui/useOrganisation';
import { CodesSummary } from './CodesSummary';
import { GeneratedCodes, type CodeBatch } from './GeneratedCodes';

export function CodesScreen() {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const rounds = useRounds();
  const units = useUnits();
  const action = useAction();
  const [pick, setPick] = useState<RoundUnit>({ roundId: '', unitId: '' });
  const [count, setCount] = useState('');
  const [countError, setCountError] = useState<string>();
  const [batch, setBatch] = useState<CodeBatch>();
  const [summaryVersion, setSummaryVersion] = useState(0);
  const list = activeRounds(rounds.data?.rounds ?? []);
  const round = list.find((r) => r.id === pick.roundId);
  const unit = units.data?.units.find((u) => u.id === pick.unitId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(count);
    const error =
      !round || !unit
        ? t('codes.pickFirst')
        : Number.isInteger(n) && n >= 1 && n <= MAX_CODES_PER_REQUEST
          ? undefined
          : t('codes.countInvalid', { max: formatCount(MAX_CODES_PER_REQUEST, lng) });
    setCountError(error);
    if (error || !round || !unit) {
      document.getElementById(!round ? 'codes-round' : !unit ? 'codes-unit' : 'codes-count')?.focus();
      return;
    }
    const made = await action.run((api) => api.createCodes(round.id, unit.id, n));
    if (made) {
      setBatch({ codes: made.value.codes, round, unit });
      setSummaryVersion((v) => v + 1);
    }
  }

  if (batch) return <GeneratedCodes batch={batch} onDone={() => setBatch(undefined)} />;

  return (
    <div className="screen admin-screen">
      <h1>{t('codes.title')}</h1>
      <p>{t('codes.intro')}</p>
      <ApiError error={rounds.error ?? units.error} />
      {rounds.data && list.length === 0 ? (
        <p>{t('codes.noRounds')}</p>
      ) : (
        <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
          <RoundUnitPicker
            idPrefix="codes"
            rounds={list}
            units={units.data?.units ?? []}
            value={pick}
            onChange={setPick}
          />
          {round && unit && (
            <CodesSummary
              key={`${round.id}/${unit.id}/${summaryVersion}`}
              roundId={round.id}
              unitId={unit.id}
            />
          )}
          <TextField
            id="codes-count"
            type="number"
            min={1}
            max={MAX_CODES_PER_REQUEST}
            label={t('codes.count')}
            hint={
              unit?.employeeCount != null
                ? t('codes.countHintEmployees', {
                    count: unit.employeeCount,
                    max: formatCount(MAX_CODES_PER_REQUEST, lng),
                  })
                : t('codes.countHint', { max: formatCount(MAX_CODES_PER_REQUEST, lng) })
            }
            className="admin-field--short"
            value={count}
            error={countError}
            onChange={(event) => setCount(event.target.value)}
          />
          <ApiError error={action.error} />
          <button type="submit" className="button button--primary" disabled={action.isBusy}>
            {action.isBusy ? t('codes.generating') : t('codes.generate')}
          </button>
        </form>
      )}
    </div>
  );
}
