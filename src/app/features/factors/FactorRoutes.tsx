// The factor cards' screens, loaded lazily from App.tsx so none of this code (nor the card
// texts, which load per language) is in the respondent's first download. The service worker
// precaches these chunks, so the cards work offline after the first visit.
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import { DeckScreen } from './DeckScreen';
import { FactorCardScreen } from './FactorCardScreen';
import { FactorListScreen } from './FactorListScreen';
import { FactorMapScreen } from './FactorMapScreen';
import { PrintScreen } from './PrintScreen';
import './factors.css';

export default function FactorRoutes() {
  return (
    <LazyTexts namespaces={['cards', 'factors']}>
      <Routes>
        <Route index element={<FactorListScreen />} />
        <Route path="kart" element={<FactorMapScreen />} />
        <Route path="les" element={<DeckScreen />} />
        <Route path="utskrift" element={<PrintScreen />} />
        <Route path=":slug" element={<FactorCardScreen />} />
      </Routes>
    </LazyTexts>
  );
}
