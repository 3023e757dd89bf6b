// /k/<slug>, a municipality's entry address for respondents (on its posters and e-mails, and the
// address a phone keeps on its home screen): the device remembers the municipality and offers every
// round open there, cached for offline use (offline/round-cache.ts). The address names no person,
// so it may stay in the history; the start screen then takes over at "/".
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { saveEntrySlug } from '../../offline';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

export function EntryLink() {
  const { slug = '' } = useParams();
  const { reloadRound } = useSurvey();
  const navigate = useNavigate();
  useEffect(() => {
    let cancelled = false;
    // A slug that cannot be one is not kept; a failed write leaves the device as it was.
    void saveEntrySlug(slug)
      .catch(() => undefined)
      .then(async () => {
        if (cancelled) return;
        reloadRound();
        await navigate(PATHS.start, { replace: true });
      });
    return () => {
      cancelled = true;
    };
  }, [slug, reloadRound, navigate]);
  return null;
}
