// The meeting's phone side (issue 13): /mote, and /mote#<token> from the QR code on the room's
// screen. A lazy chunk of its own (App.tsx), so none of it, nor its texts, is in the respondent's
// first load; the service worker precaches it like the factor cards and opens /mote from the app
// shell, while the live routes under /api are never cached.
import { Route, Routes } from 'react-router';
import { browserFetch } from '../../connection/respondent-client';
import { LazyTexts } from '../../ui/LazyTexts';
import { MeetingPhone } from './MeetingPhone';

interface Props {
  fetchImpl?: typeof fetch | undefined;
}

export default function MeetingRoutes({ fetchImpl }: Props) {
  return (
    <LazyTexts namespaces={['meeting', 'factors']}>
      <Routes>
        <Route index element={<MeetingPhone fetchImpl={fetchImpl ?? browserFetch} />} />
      </Routes>
    </LazyTexts>
  );
}
