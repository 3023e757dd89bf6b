// The preparation kit under /admin/forberedelse: the round's progress plan (every staff role reads
// it, the admin dates it) and the employees' information poster, printed in A4 or A3. Its texts
// are the lazy `preparation` namespace, with `factors` for the ten factors on the poster.
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import { PosterScreen } from './PosterScreen';
import { PreparationScreen } from './PreparationScreen';
import './preparation.css';

/** The shell hands in its not-found screen (a feature may not import the shell). */
export function PreparationRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <LazyTexts namespaces={['preparation', 'factors']}>
      <Routes>
        <Route index element={<PreparationScreen />} />
        <Route path=":roundId/plakat" element={<PosterScreen />} />
        <Route path="*" element={notFound} />
      </Routes>
    </LazyTexts>
  );
}
