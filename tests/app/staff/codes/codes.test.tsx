// One-time codes: generate N for a unit and round, then the print view shows N slips, each with the
// code, a QR code (SVG) of its own link and how to answer in the round's language; the CSV of
// links is safe to open in a spreadsheet.
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codesCsv } from '../../../../src/app/staff/codes/codes-csv';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { roundFixture } from '../support/staff-server';

type User = Awaited<ReturnType<typeof renderAdmin>>['user'];

async function pick(user: User) {
  await h1('Koder');
  await screen.findByRole('option', { name: 'Medarbeiderundersøkelsen 2026 (Åpen)' });
  await user.selectOptions(screen.getByLabelText('Runde'), 'r1');
  await user.selectOptions(screen.getByLabelText('Enhet'), 'avd2');
}

async function generate(user: User, count: string) {
  await pick(user);
  await user.type(screen.getByLabelText('Antall nye koder'), count);
  await user.click(screen.getByRole('button', { name: 'Lag koder' }));
}

const slips = () => within(screen.getByRole('list', { name: 'Kodelapper' })).getAllByRole('listitem');

describe('codes and printing', () => {
  beforeEach(resetOfflineDb);
  afterEach(() => vi.restoreAllMocks());

  it('generates 3 codes and shows 3 printable slips, each with a QR code of its own link', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/koder' });
    await generate(user, '3');

    await h1('3 nye koder for Avdeling 2');
    expect(server.calls('POST', '/rounds/r1/units/avd2/codes')[0]!.body).toEqual({ count: 3 });
    expect(screen.getByRole('alert').textContent).toMatch(/^Kodene vises bare nå\./);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));

    const items = slips();
    expect(items).toHaveLength(3);
    const codes = items.map((li) => li.querySelector('.code-slip__code')!.textContent);
    expect(codes).toEqual(['K7M-2QX-AA1', 'K7M-2QX-AA2', 'K7M-2QX-AA3']);
    for (const li of items) {
      const qr = within(li).getByRole('img', { name: 'QR-kode med lenke til undersøkelsen' });
      expect(qr.querySelector('svg path')).toBeInTheDocument();
      expect(
        within(li).getByText(/^Skann QR-koden med kameraet på mobilen\. Eller gå til localhost/),
      ).toBeInTheDocument();
    }
    // Different links make different QR codes.
    const drawn = new Set(items.map((li) => li.querySelector('svg path')!.getAttribute('d')));
    expect(drawn.size).toBe(3);
  });

  it('writes the slips in the round language (nynorsk) while the screen is in bokmål', async () => {
    const { user } = await renderAdmin({
      path: '/admin/koder',
      state: { rounds: [roundFixture({ defaultLanguage: 'nn' })] },
    });
    await generate(user, '2');
    await h1('2 nye koder for Avdeling 2');
    const [first] = slips();
    expect(first!.getAttribute('lang')).toBe('nn');
    await within(first!).findByText('Den personlege koden din');
    expect(
      within(first!).getByText('Koden kan brukast éin gong. Ingen kan sjå kva du har svart.'),
    ).toBeInTheDocument();
  });

  it('downloads the links as CSV with formula-looking names made harmless', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/koder' });
    server.state.units.find((u) => u.id === 'avd2')!.name = '=HYPERLINK("http://evil")';
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:codes';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await generate(user, '2');
    await user.click(await screen.findByRole('button', { name: 'Last ned lenker (CSV)' }));

    expect(blobs).toHaveLength(1);
    const text = await blobs[0]!.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('enhet;runde;kode;lenke');
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil"")";Medarbeiderundersøkelsen 2026;K7M-2QX-AA1;http://localhost:3000/s/K7M2QXAA1`.replace(
        'http://localhost:3000',
        window.location.origin,
      ),
    );
    expect(lines).toHaveLength(3);
  });

  it('refuses a count outside 1–2000 before asking the server', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/koder' });
    await generate(user, '0');
    const field = screen.getByLabelText('Antall nye koder');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The largest number is written the Norwegian way, with a no-break space: "2 000".
    expect(document.getElementById('codes-count-error')!.textContent).toBe(
      'Skriv et helt tall fra 1 til 2\u00a0000.',
    );
    expect(server.calls('POST', /\/codes$/)).toHaveLength(0);
  });

  it('shows how many codes the unit has, used and refused (counts only)', async () => {
    const { user } = await renderAdmin({ path: '/admin/koder' });
    await pick(user);
    expect((await screen.findByText(/^Laget tidligere/)).textContent).toBe(
      'Laget tidligere: 10. Brukt: 4. Avvist på grunn av feil eller brukt kode: 2.',
    );
  });
});

describe('codes CSV', () => {
  it('builds a CSV with a BOM, semicolons and CRLF line ends', () => {
    const text = codesCsv({
      header: ['enhet', 'runde', 'kode', 'lenke'],
      unitName: '-Avd',
      roundName: '@runde',
      codes: ['ABC-DEF-GHJ'],
      origin: 'https://x.no',
    });
    expect(text).toBe(
      "\uFEFFenhet;runde;kode;lenke\r\n'-Avd;'@runde;ABC-DEF-GHJ;https://x.no/s/ABCDEFGHJ\r\n",
    );
  });
});
