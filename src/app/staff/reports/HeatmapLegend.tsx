// What the shades mean, with the same swatches as the cells, and KS's rule of thumb.
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../ui/format';
import { BAND_LIMITS, HEAT_BANDS, type HeatBand } from './heat-bands';
import { useLanguage } from '../../i18n/useLanguage';

export function HeatmapLegend() {
  const { t } = useTranslation(['reports', 'factors']);
  const { language: lng } = useLanguage();
  const d = (n: number) => formatDecimal(n, lng);
  const label: Record<HeatBand, string> = {
    low: t('heatmap.band.below', { value: d(BAND_LIMITS.mid) }),
    mid: t('heatmap.band.range', { from: d(BAND_LIMITS.mid), to: d(BAND_LIMITS.good - 0.1) }),
    good: t('heatmap.band.range', { from: d(BAND_LIMITS.good), to: d(BAND_LIMITS.top - 0.1) }),
    top: t('heatmap.band.atLeast', { value: d(BAND_LIMITS.top) }),
  };
  return (
    <div className="heat-legend">
      <h2 id="heat-legend-title">{t('heatmap.legendTitle')}</h2>
      <ul aria-labelledby="heat-legend-title">
        {HEAT_BANDS.map((band) => (
          <li key={band}>
            <span className={`heat-legend__swatch heat--${band}`} aria-hidden="true" />
            {label[band]}
          </li>
        ))}
        <li>
          <span className="heat-legend__swatch heat--hidden" aria-hidden="true">
            –
          </span>
          {t('heatmap.hiddenLegend')}
        </li>
      </ul>
      <p className="report-source">{t('factors:scoreHelp')}</p>
    </div>
  );
}
