// A vote the phone has placed but the server has not confirmed yet. Dots are final, so a vote
// that was sent while the network dropped must be sent again with the same client id (the server
// counts each id once) and never made anew. It is kept in sessionStorage, for this tab only and
// gone when the tab closes, and deleted as soon as the server has answered: localStorage never
// holds anything of what a person voted or wrote.
export interface PendingVote {
  meetingId: string;
  stepIndex: number;
  clientId: string;
  dots: Record<string, number>;
}

const KEY = 'tifaktor.meeting.pendingVote';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(): Store | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

let inMemory: PendingVote | null = null;

function isPendingVote(value: unknown): value is PendingVote {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.meetingId === 'string' &&
    typeof v.stepIndex === 'number' &&
    typeof v.clientId === 'string' &&
    typeof v.dots === 'object' &&
    v.dots !== null &&
    Object.values(v.dots).every((n) => Number.isInteger(n) && (n as number) > 0)
  );
}

/** The vote waiting for this meeting's step, if any (read back as untrusted). */
export function loadPendingVote(meetingId: string, stepIndex: number): PendingVote | null {
  let found: unknown = inMemory;
  try {
    const raw = store()?.getItem(KEY);
    if (raw) found = JSON.parse(raw);
  } catch {
    // Storage refused or the row is damaged: the copy in memory is all there is.
  }
  return isPendingVote(found) && found.meetingId === meetingId && found.stepIndex === stepIndex
    ? found
    : null;
}

export function savePendingVote(vote: PendingVote): void {
  inMemory = vote;
  try {
    store()?.setItem(KEY, JSON.stringify(vote));
  } catch {
    // Kept in memory only: a reload would lose it, the next send would not.
  }
}

export function clearPendingVote(): void {
  inMemory = null;
  try {
    store()?.removeItem(KEY);
  } catch {
    // Nothing stored where storage is refused.
  }
}
