// The records the law asks for, under /admin/personvern (issue 15): the processing record (GDPR
// Art. 30), for the admin and the privacy officer. Its texts are the lazy `records` namespace:
// the record itself comes from the server as keys and numbers (src/shared/api/records.ts), and
// the words for each key are here, in nb, nn and en.
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import { ProcessingRecordScreen } from './ProcessingRecordScreen';
import './records.css';

export function RecordsRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <LazyTexts namespaces={['records']}>
      <Routes>
        <Route index element={<ProcessingRecordScreen />} />
        <Route path="*" element={notFound} />
      </Routes>
    </LazyTexts>
  );
}
