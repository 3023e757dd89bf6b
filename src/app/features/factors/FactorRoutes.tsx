// The factor cards' screens, loaded lazily from App.tsx so none of this code (nor the card
// texts, which load per language) is in the respondent's first download. The service worker
// precaches these chunks, so the cards work offline after the first visit.
import { useEffect, useRef } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DeckScreen } from './DeckScreen';
import { FactorCardScreen } from './FactorCardScreen';
import { FactorListScreen } from './FactorListScreen';
import { FactorMapScreen } from './FactorMapScreen';
import { PrintScreen } from './PrintScreen';
import './factors.css';

export default function FactorRoutes() {
  const { t } = useTranslation();
  const { ready } = useTranslation(['cards', 'factors']);
  const location = useLocation();
  // True once focus needs no help: from the start if the browser opened the app right here.
  const isFocusSettled = useRef(location.key === 'default');

  // Layout moves focus to the new h1 when the path changes, but on the first visit to the cards
  // the h1 arrives only after this chunk and its texts have loaded. Do it then, unless this is
  // the page the browser opened (focus stays at the top there, as on every other screen).
  useEffect(() => {
    if (!ready || isFocusSettled.current || document.activeElement !== document.body) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    // Only when the texts arrive, not on every move between cards (Layout handles those).
    isFocusSettled.current = true;
  }, [ready]);

  if (!ready) {
    return (
      <div className="screen">
        <p role="status">{t('app.loading')}</p>
      </div>
    );
  }
  return (
    <Routes>
      <Route index element={<FactorListScreen />} />
      <Route path="kart" element={<FactorMapScreen />} />
      <Route path="les" element={<DeckScreen />} />
      <Route path="utskrift" element={<PrintScreen />} />
      <Route path=":slug" element={<FactorCardScreen />} />
    </Routes>
  );
}
