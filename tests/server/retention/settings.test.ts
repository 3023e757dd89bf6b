// The municipality's retention and session settings (issue 15): defaults from migration 018; the
// admin changes them and the change is logged with what changed; out-of-range numbers, an address
// that is not https, a blank or too long contact, and control characters are refused with a stable code and change nothing; a
// privacy officer reads them but cannot change them; a leader does neither.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MunicipalitySettings } from '../../../src/shared/api/retention';
import { describeEachDatabase } from '../support/databases';
import type { TestEnvironment } from '../support/environment';
import { signedIn, staffEnvironment, type StaffClient } from '../support/staff';
import { auditEntries, expectCode, signedInPrivacyOfficer } from './world';

const PATH = '/municipality/settings';
const DEFAULTS: MunicipalitySettings = {
  sessionIdleHours: 8,
  answerRetentionMonths: 24,
  auditRetentionMonths: 24,
  accessibilityStatementUrl: null,
  controllerContact: null,
  dataProtectionOfficerContact: null,
};

describeEachDatabase('municipality retention settings', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let privacy: StaffClient;
  let leader: StaffClient;
  const stored = async () =>
    env.database.kysely
      .selectFrom('municipalities')
      .select([
        'session_idle_hours',
        'answer_retention_months',
        'audit_retention_months',
        'accessibility_statement_url',
        'controller_contact',
        'dpo_contact',
      ])
      .where('id', '=', 'm1')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    privacy = await signedInPrivacyOfficer(env);
    leader = await signedIn(env, 'leaderA');
  });
  afterAll(() => env.dispose());

  it('shows the defaults to the admin and the privacy officer, and nothing to a leader', async () => {
    for (const client of [admin, privacy]) {
      const res = await client.get(PATH);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(DEFAULTS);
    }
    expectCode(await leader.get(PATH), 403, 'FORBIDDEN_ROLE');
  });

  it('lets the admin change them, and logs which settings changed to what', async () => {
    const next = {
      ...DEFAULTS,
      answerRetentionMonths: 36,
      accessibilityStatementUrl: 'https://uustatus.no/nb/erklaringar/publisert/0000-test',
    };
    const res = await admin.put(PATH, next);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(next);
    expect(await stored()).toEqual({
      session_idle_hours: 8,
      answer_retention_months: 36,
      audit_retention_months: 24,
      accessibility_statement_url: next.accessibilityStatementUrl,
      controller_contact: null,
      dpo_contact: null,
    });
    expect((await privacy.get(PATH)).json()).toEqual(next);
    const entries = await auditEntries(env.database.kysely, 'settings.update');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor_id: 'authz-admin',
      detail: `answerRetentionMonths: 24 → 36; accessibilityStatementUrl: none → ${next.accessibilityStatementUrl}`,
    });
  });

  it('refuses bad values with a stable code and changes nothing', async () => {
    const before = await stored();
    const logged = (await auditEntries(env.database.kysely, 'settings.update')).length;
    const current = (await admin.get(PATH)).json<MunicipalitySettings>();
    const cases: [Partial<Record<keyof MunicipalitySettings, unknown>>, string][] = [
      [{ sessionIdleHours: 0 }, 'MALFORMED_REQUEST'],
      [{ sessionIdleHours: 721 }, 'MALFORMED_REQUEST'],
      [{ answerRetentionMonths: 0 }, 'MALFORMED_REQUEST'],
      [{ answerRetentionMonths: 121 }, 'MALFORMED_REQUEST'],
      [{ auditRetentionMonths: 121 }, 'MALFORMED_REQUEST'],
      [{ auditRetentionMonths: 12.5 }, 'MALFORMED_REQUEST'],
      [{ answerRetentionMonths: '24' }, 'MALFORMED_REQUEST'],
      [{ accessibilityStatementUrl: 'http://uustatus.no/erklaring' }, 'INVALID_URL'],
      [{ accessibilityStatementUrl: 'uustatus.no/erklaring' }, 'INVALID_URL'],
      [{ accessibilityStatementUrl: 'javascript:alert(1)' }, 'INVALID_URL'],
      [{ accessibilityStatementUrl: 'https://user:secret@uustatus.no/' }, 'INVALID_URL'],
      [{ accessibilityStatementUrl: 'https://uustatus.no/a b' }, 'INVALID_URL'],
      [{ accessibilityStatementUrl: `https://uustatus.no/${'a'.repeat(500)}` }, 'MALFORMED_REQUEST'],
      [{ accessibilityStatementUrl: '' }, 'MALFORMED_REQUEST'],
      [{ accessibilityStatementUrl: 'https://uustatus.no/\u0007' }, 'INVALID_TEXT'],
      [{ accessibilityStatementUrl: 'https://uustatus.no/\u0000x' }, 'INVALID_TEXT'],
      [{ controllerContact: '' }, 'MALFORMED_REQUEST'],
      [{ controllerContact: '   ' }, 'MALFORMED_REQUEST'],
      [{ dataProtectionOfficerContact: 'x'.repeat(301) }, 'MALFORMED_REQUEST'],
      [{ dataProtectionOfficerContact: 42 }, 'MALFORMED_REQUEST'],
      [{ dataProtectionOfficerContact: 'Per\u0000 Vern' }, 'INVALID_TEXT'],
      [{ controllerContact: 'postmottak\u001b[31m' }, 'INVALID_TEXT'],
    ];
    for (const [change, code] of cases) {
      expectCode(await admin.put(PATH, { ...current, ...change }), 400, code);
    }
    const missing: Partial<MunicipalitySettings> = { ...current };
    delete missing.sessionIdleHours;
    expectCode(await admin.put(PATH, missing), 400, 'MALFORMED_REQUEST');
    expectCode(await admin.put(PATH, { ...current, extra: 1 }), 400, 'MALFORMED_REQUEST');
    expect(await stored()).toEqual(before);
    expect(await auditEntries(env.database.kysely, 'settings.update')).toHaveLength(logged);
  });

  it('takes the bounds themselves and an address taken away', async () => {
    const edge = {
      sessionIdleHours: 720,
      answerRetentionMonths: 1,
      auditRetentionMonths: 120,
      accessibilityStatementUrl: null,
      controllerContact: 'x'.repeat(300),
      dataProtectionOfficerContact: null,
    };
    expect((await admin.put(PATH, edge)).json()).toEqual(edge);
    expect(
      (await admin.put(PATH, { ...edge, sessionIdleHours: 1, answerRetentionMonths: 120 })).statusCode,
    ).toBe(200);
  });

  it("keeps the record's contacts, logs their change, and keeps them for a screen from before them", async () => {
    const current = {
      ...(await admin.get(PATH)).json<MunicipalitySettings>(),
      controllerContact: null,
      dataProtectionOfficerContact: null,
    };
    expect((await admin.put(PATH, current)).statusCode).toBe(200);
    const contacts = {
      controllerContact: 'postmottak@demo.kommune.no, 12 34 56 78',
      dataProtectionOfficerContact: 'Personvernombudet, personvernombud@demo.kommune.no',
    };
    const res = await admin.put(PATH, { ...current, ...contacts });
    expect(res.json()).toEqual({ ...current, ...contacts });
    const details = (await auditEntries(env.database.kysely, 'settings.update')).map((e) => e.detail);
    expect(details).toContain(
      `controllerContact: none → ${contacts.controllerContact}; dataProtectionOfficerContact: none → ${contacts.dataProtectionOfficerContact}`,
    );
    // An older staff screen sends the first four only: the contacts stay.
    const older: Partial<MunicipalitySettings> = { ...current, sessionIdleHours: 9 };
    delete older.controllerContact;
    delete older.dataProtectionOfficerContact;
    expect((await admin.put(PATH, older)).json()).toEqual({ ...current, ...contacts, sessionIdleHours: 9 });
    // Taken away again: null.
    const cleared = { ...current, controllerContact: null, dataProtectionOfficerContact: null };
    expect((await admin.put(PATH, cleared)).json()).toEqual(cleared);
  });

  it('refuses the change to the privacy officer and to a leader', async () => {
    const before = await stored();
    expectCode(await privacy.put(PATH, DEFAULTS), 403, 'FORBIDDEN_ROLE');
    expectCode(await leader.put(PATH, DEFAULTS), 403, 'FORBIDDEN_ROLE');
    expect(await stored()).toEqual(before);
  });
});
