// The preparation screens' addresses under /admin/forberedelse.
import { ADMIN_PATHS } from '../ui/staff-paths';

export type PosterSize = 'a4' | 'a3';

export const PREPARATION_PATHS = {
  home: ADMIN_PATHS.preparation,
  round: (roundId: string) => `${ADMIN_PATHS.preparation}?runde=${encodeURIComponent(roundId)}`,
  poster: (roundId: string, size: PosterSize = 'a4') =>
    `${ADMIN_PATHS.preparation}/${encodeURIComponent(roundId)}/plakat${size === 'a3' ? '?format=a3' : ''}`,
} as const;
