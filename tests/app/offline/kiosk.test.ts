// The kiosk's status call: sent with the tablet's credential, and only a reply of the contract
// may change what the tablet knows about itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskEnrolResponse } from '../../../src/shared/api/organisation';
import { loadKiosk, reportKioskStatus, saveKiosk, withKioskCredential } from '../../../src/app/offline';
import { useFreshDb } from './fakes';

const enrolment: KioskEnrolResponse = {
  credential: 'kiosk-credential',
  kiosk: {
    id: 'k1',
    label: 'Nettbrett 1',
    unit: { id: 'u1', name: 'Avdeling 2' },
    openKiosk: true,
    round: { id: 'r1', name: 'Høst', opensOn: '2026-11-20', closesOn: '2026-12-04', status: 'open' },
    revokedOn: null,
  },
};

function server(body: unknown) {
  return vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify(body), { status: 200 })),
  );
}

beforeEach(useFreshDb);

describe('kiosk status', () => {
  it('reports the waiting count with the credential and takes in a revocation', async () => {
    await saveKiosk(enrolment);
    const revoked = { ...enrolment.kiosk, revokedOn: '2026-12-01' };
    const fetchImpl = server({ kiosk: revoked });

    await reportKioskStatus(withKioskCredential(fetchImpl), 4);

    const [input, init] = fetchImpl.mock.calls[0]!;
    expect(input).toBe('/api/v1/kiosk/status');
    expect(new Headers(init?.headers).get('authorization')).toBe('Kiosk kiosk-credential');
    expect(init?.body).toBe('{"pending":4}');
    expect((await loadKiosk())?.kiosk.revokedOn).toBe('2026-12-01');
  });

  it('keeps what the tablet knows when the reply is not a kiosk', async () => {
    await saveKiosk(enrolment);

    await reportKioskStatus(withKioskCredential(server({ kiosk: { revokedOn: '2026-12-01' } })), 4);

    // A half reply stored as-is would leave the tablet without a unit, i.e. not a kiosk at all.
    expect(await loadKiosk()).toEqual(enrolment);
  });

  it('asks nothing when the device is not a kiosk', async () => {
    const fetchImpl = server({ kiosk: enrolment.kiosk });
    await reportKioskStatus(fetchImpl, 0);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
