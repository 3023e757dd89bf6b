// The open answers, for the unit's leader, union rep and safety rep only (the server sends them to
// no one else). Random order, no dates, never printed or exported.
import { useTranslation } from 'react-i18next';

export function OpenAnswers({ answers }: { answers: readonly string[] }) {
  const { t } = useTranslation('reports');
  return (
    <section className="report-open no-print" aria-labelledby="report-open-title">
      <h2 id="report-open-title">{t('open.title')}</h2>
      <div className="admin-warning">
        <p>{t('open.note')}</p>
      </div>
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
    </section>
  );
}
