// The codes just made, shown this once: print them as A4 slips (admin.css lays out eight a page
// and hides everything else on paper) or download the links as CSV. Leaving asks nothing more:
// the warning says it plainly at the top.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminRound, Unit } from '../../../shared/api/organisation';
import { osloDate } from '../../../shared/dates';
import { CodeSlip } from './CodeSlip';
import { downloadText } from '../../ui/csv';
import { codesCsv } from './codes-csv';

export interface CodeBatch {
  codes: string[];
  round: AdminRound;
  unit: Unit;
}

export function GeneratedCodes({ batch, onDone }: { batch: CodeBatch; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const { codes, round, unit } = batch;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The form the person used is gone: start them at the new heading, as a route change would.
  useEffect(() => headingRef.current?.focus(), []);

  const download = () =>
    downloadText(
      codesCsv({
        header: [t('codes.csv.unit'), t('codes.csv.round'), t('codes.csv.code'), t('codes.csv.link')],
        unitName: unit.name,
        roundName: round.name,
        codes,
        origin: window.location.origin,
      }),
      t('codes.csv.filename', { date: osloDate() }),
    );

  return (
    <div className="screen admin-screen codes-print">
      <div className="no-print">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('codes.printTitle', { count: codes.length, unit: unit.name })}
        </h1>
        <div className="admin-warning" role="alert">
          <p>{t('codes.onlyNow', { count: codes.length })}</p>
        </div>
        <div className="admin-actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('codes.print')}
          </button>
          <button type="button" className="button button--secondary" onClick={download}>
            {t('codes.download')}
          </button>
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('codes.done')}
          </button>
        </div>
        <h2>{t('codes.slipsTitle')}</h2>
      </div>
      <ul className="code-slips" aria-label={t('codes.slipsTitle')}>
        {codes.map((code) => (
          <CodeSlip key={code} code={code} round={round} />
        ))}
      </ul>
    </div>
  );
}
