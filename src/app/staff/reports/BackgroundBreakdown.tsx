// Municipality overview only: the factor averages split by each background question (gender, age
// group and so on). A group the server hides (too few answers, or it would reveal one) is marked
// and has no figures.
import { useTranslation } from 'react-i18next';
import type { BackgroundBreakdown as Breakdown } from '../../../shared/api/reports';
import { FACTOR_IDS } from '../../../shared/factors';
import { formatCount } from '../../ui/format';
import { TableWrap } from '../ui/TableWrap';
import { FactorHeader } from './FactorHeader';
import { Figure } from './Figure';
import { MissingFigure } from './MissingFigure';
import { useLanguage } from '../../i18n/useLanguage';

export function BackgroundBreakdown({ breakdowns }: { breakdowns: readonly Breakdown[] }) {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  return (
    <section className="report-background" aria-labelledby="report-background-title">
      <h2 id="report-background-title">{t('background.title')}</h2>
      <p>{t('background.intro')}</p>
      {breakdowns.map((question) => {
        const label = question.label[lng];
        const caption = t('background.caption', { question: label });
        return (
          <div key={question.questionId}>
            <h3>{label}</h3>
            <TableWrap label={caption}>
              <table className="admin-table report-matrix">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.group')}</th>
                    <th scope="col" className="admin-table__num">
                      {t('columns.responses')}
                    </th>
                    {FACTOR_IDS.map((id) => (
                      <FactorHeader key={id} id={id} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {question.groups.map((group) => (
                    <tr key={group.value}>
                      <th scope="row">
                        {group.label[lng]}
                        {!group.visible && (
                          <span className="unit-tag unit-tag--strong">{t('list.tooFew')}</span>
                        )}
                      </th>
                      <td className="admin-table__num">
                        {group.visible && group.responses !== null ? (
                          formatCount(group.responses, lng)
                        ) : (
                          <MissingFigure reason="hidden" />
                        )}
                      </td>
                      {FACTOR_IDS.map((id, i) => (
                        <td key={id} className="admin-table__num">
                          <Figure
                            value={group.visible ? group.averages[i] : null}
                            missing={group.visible ? 'noAnswers' : 'hidden'}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </div>
        );
      })}
    </section>
  );
}
