// The processing record screen: the record the server generated, said in words in nb, nn and en
// (the retention months, the role counts, the host), a print button, the JSON as the server sent
// it, the menu entry for the privacy officer, and nothing for a leader.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PROCESSING_RECORD_FORMAT,
  RECORD_DATA_SUBJECTS,
  RECORD_PURPOSES,
  RECORD_RESPONDENT_DATA,
  RECORD_SECURITY_MEASURES,
  RECORD_STAFF_DATA,
  type ProcessingRecord,
} from '../../../../src/shared/api/records';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { jsonReply, meAs, type StaffServer } from '../support/staff-server';

function record(overrides: Partial<ProcessingRecord> = {}): ProcessingRecord {
  return {
    formatVersion: PROCESSING_RECORD_FORMAT,
    generatedOn: '2026-12-03',
    controller: {
      municipalityId: 'm1',
      name: 'Demo kommune',
      number: '9999',
      language: 'nb',
      contact: 'postmottak@demo.kommune.no',
    },
    dataProtectionOfficer: { contact: null },
    purposes: [...RECORD_PURPOSES],
    dataSubjects: [...RECORD_DATA_SUBJECTS],
    personalData: { staff: [...RECORD_STAFF_DATA], respondents: [...RECORD_RESPONDENT_DATA] },
    recipients: [
      { role: 'admin', accounts: 2 },
      { role: 'leader', accounts: 14 },
      { role: 'union_rep', accounts: 3 },
      { role: 'safety_rep', accounts: 5 },
      { role: 'privacy_officer', accounts: 1 },
    ],
    transfers: { thirdCountries: 'none', identityProvider: null },
    retention: {
      answersMonthsAfterPublishing: 36,
      auditLogMonths: 12,
      sessionIdleHours: 8,
      sessionAbsoluteDays: 30,
      meetingInputDays: 14,
      minimumThreshold: 3,
      codes: 'keyedHashOnly',
    },
    security: [...RECORD_SECURITY_MEASURES],
    processors: { hosting: 'operator' },
    settings: {
      answerRetentionMonths: 36,
      auditRetentionMonths: 12,
      sessionIdleHours: 8,
      accessibilityStatementUrl: null,
    },
    ...overrides,
  };
}

const serve = (value: ProcessingRecord) => (server: StaffServer) =>
  server.on('GET', '/municipality/processing-record', () => jsonReply(200, value));

function captureDownloads() {
  const files: { blob: Blob; name: string }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    files.push({ blob: blob as Blob, name: '' });
    return `blob:${files.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files[files.length - 1]!.name = this.download;
  });
  return files;
}

describe('the processing record', () => {
  beforeEach(resetOfflineDb);

  it('says the record in bokmål, prints, and downloads the JSON the server sent', async () => {
    const files = captureDownloads();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = await renderAdmin({ path: '/admin/personvern', routes: serve(record()) });
    await h1('Behandlingsprotokoll');
    expect(
      await screen.findByText('Laget 3. desember 2026 fra innstillingene til Demo kommune.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Demo kommune (kommunenummer 9999) er behandlingsansvarlig.'),
    ).toBeInTheDocument();
    // Art. 30(1)(a): the contacts, and plainly when one is not given.
    expect(screen.getByText('Kontakt: postmottak@demo.kommune.no')).toBeInTheDocument();
    expect(
      screen.getByText(/Kontaktopplysningene til personvernombudet er ikke oppgitt/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Svar: 36 måneder etter at runden ble publisert/)).toBeInTheDocument();
    expect(screen.getByText('Tilgangsloggen: 12 måneder.')).toBeInTheDocument();
    expect(
      screen.getByText(/avsluttes etter 8 timer uten bruk, og senest etter 30 dager/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Fritekstsvar kan inneholde personopplysninger/)).toBeInTheDocument();
    expect(screen.getByText(/driftes av en driftsorganisasjon/)).toBeInTheDocument();
    const leaders = screen.getByRole('row', { name: /^Leder / });
    expect(within(leaders).getByText('14')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /^Personvernombud / })).getByText('1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Last ned JSON' }));
    expect(files.map((f) => f.name)).toEqual(['behandlingsprotokoll-9999-2026-12-03.json']);
    expect(JSON.parse(await files[0]!.blob.text())).toEqual(record());
  });

  it('speaks nynorsk and English, and names the identity provider and the municipality as host', async () => {
    const value = record({
      processors: { hosting: 'municipality' },
      transfers: { thirdCountries: 'none', identityProvider: { issuer: 'https://login.demo.kommune.no' } },
      retention: { ...record().retention, auditLogMonths: 1 },
      dataProtectionOfficer: { contact: 'Kari Vern, 99 88 77 66' },
    });
    const nn = await renderAdmin({ path: '/admin/personvern', language: 'nn', routes: serve(value) });
    expect(await screen.findByText(/Svar: 36 månader etter at runden blei publisert/)).toBeInTheDocument();
    expect(screen.getByText('Tilgangsloggen: 1 månad.')).toBeInTheDocument();
    expect(screen.getByText('Personvernombod: Kari Vern, 99 88 77 66')).toBeInTheDocument();
    expect(screen.getByText(/Kommunen driftar serveren sjølv/)).toBeInTheDocument();
    expect(
      screen.getByText(/identitetsleverandøren til kommunen \(https:\/\/login\.demo\.kommune\.no\)/),
    ).toBeInTheDocument();
    nn.unmount();

    await renderAdmin({ path: '/admin/personvern', language: 'en', routes: serve(value) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Record of processing' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('The access log: 1 month.')).toBeInTheDocument();
    expect(screen.getByText(/The municipality runs the server itself/)).toBeInTheDocument();
  });

  it('is in the privacy officer’s menu, and a leader gets no record', async () => {
    const officer = await renderAdmin({
      path: '/admin',
      state: { me: meAs([{ role: 'privacy_officer', unitId: null }]) },
      routes: serve(record()),
    });
    const { user } = officer;
    await user.click(await screen.findByRole('link', { name: 'Personvern' }));
    await h1('Behandlingsprotokoll');
    officer.unmount();

    const leader = await renderAdmin({
      path: '/admin/personvern',
      state: { me: meAs([{ role: 'leader', unitId: 'solbakken' }]) },
    });
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('Behandlingsprotokoll');
    expect(screen.queryByRole('link', { name: 'Personvern' })).not.toBeInTheDocument();
    expect(leader.server.calls('GET', '/municipality/processing-record')).toHaveLength(0);
  });

  it('has the accessibility statement in its footer', async () => {
    await renderAdmin({ path: '/admin/personvern', routes: serve(record()) });
    await h1('Behandlingsprotokoll');
    expect(screen.getByRole('contentinfo')).toContainElement(
      screen.getByRole('link', { name: 'Tilgjengelighetserklæring' }),
    );
  });
});
