// The accessibility statement (tilgjengelighetserklæring) at /tilgjengelighet, linked from the
// footer of every screen. Loaded lazily from App.tsx with its own texts (the `accessibility`
// namespace), so none of it is in the respondent's first load; the service worker precaches the
// chunk and the texts, so the statement reads offline too (its uustatus.no link only when the
// server could be asked).
import { LazyTexts } from '../../ui/LazyTexts';
import { AccessibilityScreen } from './AccessibilityScreen';

export default function AccessibilityRoutes({ fetchImpl }: { fetchImpl?: typeof fetch | undefined }) {
  return (
    <LazyTexts namespaces={['accessibility']}>
      <AccessibilityScreen fetchImpl={fetchImpl} />
    </LazyTexts>
  );
}
