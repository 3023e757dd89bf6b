import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDraft, saveKiosk } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { formatCode, generateCode, webRandomBytes } from '../../../src/shared/codes';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

/** A code with its last data character changed: the check character no longer fits. */
function withTypo(code: string): string {
  const i = 3;
  const replacement = code[i] === 'A' ? 'B' : 'A';
  return code.slice(0, i) + replacement + code.slice(i + 1);
}

describe('the one-time code on the start screen', () => {
  beforeEach(resetOfflineDb);

  it('catches a typo on the device, without a network, and does not start', async () => {
    const { user } = await renderApp();
    await user.type(await screen.findByLabelText('Engangskode'), withTypo(generateCode(webRandomBytes)));
    await user.click(screen.getByRole('button', { name: 'Start undersøkelsen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/Koden ser ikke riktig ut/);
    expect(screen.getByLabelText('Engangskode')).toHaveAttribute('aria-invalid', 'true');
    expect(await getDb().draft.count()).toBe(0);
  });

  it('accepts any case, dashes and spaces, and sends the normalised code with the answer', async () => {
    const code = generateCode(webRandomBytes);
    const { user } = await renderApp();
    await user.type(await screen.findByLabelText('Engangskode'), ` ${formatCode(code).toLowerCase()} `);
    await user.click(screen.getByRole('button', { name: 'Start undersøkelsen' }));
    await screen.findByRole('heading', { name: 'Før du begynner' });

    // The draft keeps a proof of the code, never the code; the code goes out with the answer.
    const stored = await getDb().draft.toArray();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect((await loadDraft({ maxAgeMs: 60_000 }))?.codeProof).toBeDefined();
    await user.click(screen.getByRole('link', { name: 'Gå til første påstand' }));
    for (let i = 1; i <= 36; i++) {
      await screen.findByText(`${i} av 36`);
      await user.click(screen.getByRole('button', { name: 'Hopp over' }));
    }
    await user.click(await screen.findByRole('button', { name: 'Neste' }));
    await user.click(await screen.findByRole('button', { name: 'Neste' }));
    await user.click(await screen.findByRole('button', { name: 'Send svaret' }));
    await screen.findByRole('heading', { name: 'Takk for svaret!' });
    const [queued] = await getDb().outbox.toArray();
    expect(queued!.code).toBe(code);
  });

  it('tells the person when the server says the code is already used', async () => {
    const { user } = await renderApp({ codeCheck: { status: 'used' } });
    await user.type(await screen.findByLabelText('Engangskode'), generateCode(webRandomBytes));
    await user.click(screen.getByRole('button', { name: 'Start undersøkelsen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/allerede brukt/);
    expect(await getDb().draft.count()).toBe(0);
  });

  it('lets the person start when the code check answers in a shape it cannot read', async () => {
    const { user } = await renderApp({ codeCheck: { status: 'maybe' } });
    await user.type(await screen.findByLabelText('Engangskode'), generateCode(webRandomBytes));
    await user.click(screen.getByRole('button', { name: 'Start undersøkelsen' }));

    // The server checks the code again when the answer arrives; an unreadable check blocks nobody.
    expect(await screen.findByRole('heading', { name: 'Før du begynner' })).toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(1);
  });

  it('fills the code in from a /s/CODE link and keeps it out of the address', async () => {
    const code = generateCode(webRandomBytes);
    await renderApp({ path: `/s/${formatCode(code)}` });
    const field = await screen.findByLabelText<HTMLInputElement>('Engangskode');
    expect(field.value).toBe(formatCode(code));
  });

  it('asks for no code on an enrolled tablet of an open-kiosk unit, and names the unit', async () => {
    const round = roundFixture();
    await saveKiosk({
      credential: 'kiosk-credential',
      kiosk: {
        id: 'k1',
        label: 'Nettbrett 1',
        unit: round.round.unit,
        openKiosk: true,
        round: { ...round.round, status: 'open' },
        revokedOn: null,
      },
    });
    const { fetchImpl } = await renderApp();
    expect(await screen.findByText('Dette nettbrettet er satt opp for Avdeling 2.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Engangskode')).not.toBeInTheDocument();
    const call = fetchImpl.mock.calls.find(([url]) =>
      (url instanceof Request ? url.url : url.toString()).endsWith('/rounds/current'),
    );
    expect(new Headers(call?.[1]?.headers).get('authorization')).toBe('Kiosk kiosk-credential');
  });
});
