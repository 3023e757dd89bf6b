// What deleting a round takes with it, as the server's preview counts it: one line per kind of
// row that has any, and always the figures and trends when the round has counted answers.
import { useTranslation } from 'react-i18next';
import type { RoundDeletionPreview } from '../../../shared/api/retention';

const LINES = [
  ['answers', 'deletion.answers'],
  ['sealedAnswers', 'deletion.sealed'],
  ['countedAnswers', 'deletion.counted'],
  ['codes', 'deletion.codes'],
  ['kiosks', 'deletion.kiosks'],
  ['kioskEnrolments', 'deletion.kioskLinks'],
  ['plans', 'deletion.plans'],
  ['meetings', 'deletion.meetings'],
] as const;

export function DeletionList({ preview }: { preview: RoundDeletionPreview }) {
  const { t } = useTranslation('retention');
  const lines = LINES.filter(([field]) => preview[field] > 0);
  if (lines.length === 0) return null;
  return (
    <ul>
      {lines.map(([field, key]) => (
        <li key={field}>{t(key, { count: preview[field] })}</li>
      ))}
    </ul>
  );
}
