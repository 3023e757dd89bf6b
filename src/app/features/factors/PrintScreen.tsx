// /faktorer/utskrift — all ten cards for the leader's workshop. On screen a plain column of
// cards; on paper (factors.css, @media print) two cards per A4 page in black and white, without
// the app's header and menus, each page headed and numbered ("side 2 av 5", print-pages.ts).
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS } from '../../../shared/factors';
import { pageBoxesCss, pageOfContent, usePrintPageBoxes } from '../../ui/print-pages';
import { FactorCardContent } from './FactorCardContent';
import { FactorsNav } from './FactorsNav';

export function PrintScreen() {
  const { t } = useTranslation('cards');
  usePrintPageBoxes(
    pageBoxesCss(
      null,
      t('print.runningHeader'),
      pageOfContent((markers) => t('print.pageOf', markers)),
    ),
  );
  return (
    <div className="screen factors-screen print-view">
      <FactorsNav />
      <div className="no-print">
        <h1>{t('print.title')}</h1>
        <p>{t('print.intro')}</p>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('print.button')}
        </button>
      </div>
      <div className="print-cards">
        {FACTOR_IDS.map((id) => (
          <article key={id} className="print-card" data-factor={id} aria-labelledby={`print-${id}`}>
            <FactorCardContent id={id} titleLevel={2} titleId={`print-${id}`} isPrint />
          </article>
        ))}
      </div>
    </div>
  );
}
