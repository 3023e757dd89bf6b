// /admin/runder — every survey round: create one (a draft), then open, close and publish it in
// that order. The buttons follow the lifecycle, so only the next step is offered.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retentionApi } from '../api/retention';
import { ApiError } from '../ui/ApiError';
import { CreateSection } from '../ui/CreateSection';
import { useRounds, useUnits } from '../ui/useOrganisation';
import { useStaffQuery } from '../ui/useStaffQuery';
import { RoundForm } from './RoundForm';
import { RoundCard } from './RoundCard';

export function RoundsScreen() {
  const { t } = useTranslation('admin');
  const rounds = useRounds();
  const units = useUnits();
  // A round deleted for good leaves the list at once, not only when the list has been read again.
  const [goneIds, setGoneIds] = useState<ReadonlySet<string>>(new Set());
  const list = (rounds.data?.rounds ?? []).filter((round) => !goneIds.has(round.id));
  // How long answers are kept, to say on a published round when its answers go (issue 15).
  const settings = useStaffQuery((request) => retentionApi(request).settings(), 'municipality/settings');
  const unitName = (id: string) => units.data?.units.find((u) => u.id === id)?.name ?? id;
  // A round deleted for good leaves the list: focus goes to the line that says so (issue 15).
  const { t: tr } = useTranslation('retention');
  const [deleted, setDeleted] = useState<string>();
  const deletedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (deleted !== undefined) deletedRef.current?.focus();
  }, [deleted]);

  return (
    <div className="screen admin-screen">
      <h1>{t('rounds.title')}</h1>
      <p>{t('rounds.intro')}</p>
      <ApiError error={rounds.error ?? units.error} />
      {rounds.isLoading && <p role="status">{t('common.loading')}</p>}
      {deleted !== undefined && (
        <p ref={deletedRef} role="status" tabIndex={-1} className="admin-saved">
          {tr('deletion.done', { name: deleted })}
        </p>
      )}
      {rounds.data && list.length === 0 && <p>{t('rounds.empty')}</p>}
      {list.length > 0 && (
        <ul className="round-cards" aria-label={t('rounds.tableCaption')}>
          {list.map((round) => (
            <RoundCard
              key={round.id}
              round={round}
              unitName={unitName(round.unitId)}
              answerRetentionMonths={settings.data?.answerRetentionMonths}
              onChanged={rounds.reload}
              onDeleted={(name) => {
                setDeleted(name);
                setGoneIds((ids) => new Set(ids).add(round.id));
                rounds.reload();
              }}
            />
          ))}
        </ul>
      )}
      <section aria-labelledby="round-new-title" className="admin-section">
        <h2 id="round-new-title">{t('rounds.newTitle')}</h2>
        <CreateSection openLabel={t('rounds.create')}>
          {(done) => (
            <RoundForm
              units={units.data?.units ?? []}
              onDone={(saved) => {
                if (saved) rounds.reload();
                done(saved ? t('rounds.createdMessage') : undefined);
              }}
            />
          )}
        </CreateSection>
      </section>
    </div>
  );
}
