// A card address that is not one of the ten factors: say so plainly and offer the way back.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_PATHS } from '../../ui/factor-paths';

export function NotFoundCard({ slug }: { slug: string }) {
  const { t } = useTranslation('cards');
  return (
    <div className="screen factors-screen">
      <h1>{t('card.notFoundTitle')}</h1>
      <p>{t('card.notFoundBody', { slug })}</p>
      <p>
        <Link className="button button--primary" to={FACTOR_PATHS.list}>
          {t('card.backToList')}
        </Link>
      </p>
    </div>
  );
}
