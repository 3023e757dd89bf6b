// The open answers, for the unit's leader, union rep and safety rep only (the server sends them to
// no one else). Random order, no dates, never printed or exported. Open answers have their own,
// higher threshold (the round's openAnswerThreshold): below it the section says why there are
// none, and above it that sub-units with fewer answers of their own are left out (issue 11). After
// the round's answer retention has passed, the section says the open answers were deleted.
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';

interface Props {
  answers: readonly string[] | null;
  hidden: UnitReportResponse['openAnswersHidden'];
  threshold: number;
}

export function OpenAnswers({ answers, hidden, threshold }: Props) {
  const { t } = useTranslation('reports');
  return (
    <section className="report-open no-print" aria-labelledby="report-open-title">
      <h2 id="report-open-title">{t('open.title')}</h2>
      {hidden === 'deleted' ? (
        // Retention deleted the round's answer rows (issue 15): said, not shown as "no one wrote".
        <p>{t('open.deleted')}</p>
      ) : hidden === 'too-few' || answers === null ? (
        <p>{t('open.tooFew', { count: threshold })}</p>
      ) : (
        <>
          <div className="admin-warning">
            <p>{t('open.note')}</p>
          </div>
          <p>{t('open.smallUnitsLeftOut', { count: threshold })}</p>
          {answers.length === 0 ? (
            <p>{t('open.empty')}</p>
          ) : (
            <ul className="report-open__list">
              {answers.map((answer, i) => (
                // The order is random and carries nothing; the index only keeps React's list stable.
                <li key={i}>{answer}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
