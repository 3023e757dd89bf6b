// Owns this device's kiosk identity: when a leader enrols a shared tablet for a unit, the server
// hands out a credential once. It is kept here (IndexedDB, persistent storage requested) and sent
// as `Authorization: Kiosk <credential>` on every API call, so the server knows the unit and round
// without anyone typing a code on an open kiosk. It identifies the tablet, never a person, and is
// never stored with an answer.
import { KIOSK_AUTH_SCHEME } from '../../shared/api/constants';
import type { KioskEnrolResponse, KioskSelf } from '../../shared/api/organisation';
import { createRespondentClient } from '../connection/respondent-client';
import { withDb } from './db';
import { guardWrite } from './storage';

const KIOSK_KEY = 'kiosk';

export interface KioskIdentity {
  credential: string;
  kiosk: KioskSelf;
}

function isKioskIdentity(value: unknown): value is KioskIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<KioskIdentity>;
  return (
    typeof v.credential === 'string' && v.credential.length > 0 && typeof v.kiosk?.unit?.name === 'string'
  );
}

export async function saveKiosk(enrolment: KioskEnrolResponse): Promise<void> {
  await guardWrite((db) => db.meta.put({ key: KIOSK_KEY, value: enrolment satisfies KioskIdentity }));
}

export async function loadKiosk(): Promise<KioskIdentity | undefined> {
  const row = await withDb((db) => db.meta.get(KIOSK_KEY)).catch(() => undefined);
  return isKioskIdentity(row?.value) ? row.value : undefined;
}

async function updateKioskSelf(kiosk: KioskSelf): Promise<void> {
  const current = await loadKiosk();
  if (current) await guardWrite((db) => db.meta.put({ key: KIOSK_KEY, value: { ...current, kiosk } }));
}

/** A fetch that adds the kiosk credential to API calls when this device is an enrolled kiosk. */
export function withKioskCredential(baseFetch: typeof fetch): typeof fetch {
  return async (input, init) => {
    const identity = await loadKiosk();
    if (!identity) return baseFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set('authorization', `${KIOSK_AUTH_SCHEME} ${identity.credential}`);
    return baseFetch(input, { ...init, headers });
  };
}

/**
 * Tells the server how many answers wait on this kiosk (a count only), so the leader sees it,
 * and refreshes what the kiosk knows about itself (a revocation, the round's period).
 */
export async function reportKioskStatus(kioskFetch: typeof fetch, pending: number): Promise<void> {
  if (!(await loadKiosk())) return;
  const reply = await createRespondentClient(kioskFetch).reportKioskStatus(pending);
  // Anything but a well-formed answer leaves what the kiosk knows as it was; the next beat retries.
  if (reply.kind === 'ok') await updateKioskSelf(reply.body.kiosk);
}
