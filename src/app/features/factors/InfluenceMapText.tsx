// The map as text: for each stage, each factor and the factors it influences. It carries the
// same facts as the SVG for anyone who cannot see or follow the arrows.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';
import { FACTOR_STAGE } from '../../../shared/factors';
import { influencesOf } from './factor-graph';
import { STAGES, nodesInStage } from './map-geometry';
import { FACTOR_PATHS } from '../../ui/factor-paths';

interface Props {
  current?: FactorId;
  isOpen?: boolean;
}

export function InfluenceMapText({ current, isOpen = false }: Props) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  return (
    <details className="map-text" open={isOpen}>
      <summary>{t('map.textTitle')}</summary>
      <ul className="map-text__stages">
        {STAGES.map((stage) => (
          <li key={stage}>
            <p className="map-text__stage">{tf(`stage.${stage}`)}</p>
            <ul>
              {nodesInStage(FACTOR_STAGE, stage).map((id) => {
                const targets = influencesOf(id);
                return (
                  <li key={id} data-factor={id}>
                    <Link to={FACTOR_PATHS.card(id)} aria-current={id === current ? 'page' : undefined}>
                      {tf(`factor.${id}.name`)}
                    </Link>{' '}
                    {targets.length === 0 ? (
                      t('map.textAffectsNone')
                    ) : (
                      <>
                        {t('map.textAffects')}
                        <ul className="map-text__targets">
                          {targets.map((to) => (
                            <li key={to}>
                              <Link to={FACTOR_PATHS.card(to)}>{tf(`factor.${to}.name`)}</Link>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
