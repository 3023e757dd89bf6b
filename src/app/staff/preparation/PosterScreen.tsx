// /admin/forberedelse/:roundId/plakat[?format=a3] — the information poster for the employees,
// drawn from the round in its own language (the municipality's, whatever the screen is in): what,
// when, your part with a QR code to the survey's start (a code or the unit's tablet), why, the ten
// factors, what happens afterwards and what anonymity means here (the round's threshold, no access
// to single answers, background only for the whole municipality). One sheet, A4 or A3
// (preparation.css, named pages); the print dialog also saves it as a PDF.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PrintTools } from '../../ui/PrintTools';
import { preparationApi } from '../api/preparation';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';
import { PREPARATION_PATHS, type PosterSize } from './paths';
import { Poster } from './Poster';

export function PosterScreen() {
  const { t } = useTranslation('preparation');
  const { roundId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // Held here as well as in the address: the router applies a new address in a transition, and a
  // controlled radio would show the old choice until then (a click that seems not to take).
  const [size, setSize] = useState<PosterSize>(params.get('format') === 'a3' ? 'a3' : 'a4');
  const choose = (option: PosterSize) => {
    setSize(option);
    setParams(option === 'a3' ? { format: 'a3' } : {}, { replace: true });
  };
  const query = useStaffQuery((request) => preparationApi(request).plan(roundId), `preparation/${roundId}`);

  return (
    <div className={`screen admin-screen poster-screen poster-screen--${size}`}>
      <PrintTools
        className="poster-tools"
        back={PREPARATION_PATHS.round(roundId)}
        backLabel={t('poster.back')}
        intro={t('poster.intro')}
        printLabel={t('poster.print')}
        ready={!!query.data}
      >
        <fieldset className="choice-group">
          <legend>{t('poster.size')}</legend>
          {(['a4', 'a3'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="poster-size"
                value={option}
                checked={size === option}
                onChange={() => choose(option)}
              />
              <span>{option.toUpperCase()}</span>
            </label>
          ))}
        </fieldset>
      </PrintTools>
      <ApiError error={query.error} />
      {query.isLoading && <p role="status">{t('loading')}</p>}
      {query.data && <Poster plan={query.data} />}
    </div>
  );
}
