// A figure that is not there: a dash on screen, and for a screen reader the reason, so a hidden
// cell is not read as "dash" or mistaken for a low score.
import { useTranslation } from 'react-i18next';

export type MissingReason = 'hidden' | 'noNational' | 'noChange' | 'noAnswers';

export function MissingFigure({ reason }: { reason: MissingReason }) {
  const { t } = useTranslation('reports');
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t(`missing.${reason}`)}</span>
    </>
  );
}
