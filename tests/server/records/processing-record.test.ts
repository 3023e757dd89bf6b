// The processing record (GDPR Art. 30) is generated from what the database says now: a changed
// retention setting, a new account with a role and an operator on the instance each show in the
// next read; only the admin and the privacy officer may read it, and only their own municipality's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../src/shared/api/errors';
import {
  ProcessingRecordSchema,
  RECORD_SECURITY_MEASURES,
  type ProcessingRecord,
} from '../../../src/shared/api/records';
import { Value } from '@sinclair/typebox/value';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { AUTHZ, USERS, TARGETS, headersFor, seedAuthzFixtures, signIn } from '../authz/fixtures';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';
import { NOW, TODAY } from '../support/fixtures';

const URL = '/api/v1/municipality/processing-record';

async function addPrivacyOfficer(
  env: TestEnvironment,
  id: string,
  municipalityId: string = AUTHZ.municipality,
) {
  const db = env.database.kysely;
  await insertUser(db, {
    id,
    username: id,
    displayName: 'Personvernombud',
    municipalityId,
    passwordHash: 'unused',
    createdOn: '2026-03-01',
  });
  await replaceRoles(db, id, [{ role: 'privacy_officer', unitId: null }]);
  return signIn(db, id, NOW);
}

describeEachDatabase('the processing record', (dialect) => {
  describe('on an instance with an operator and two municipalities', () => {
    let env: TestEnvironment;
    beforeAll(async () => {
      env = await createEnvironment(dialect);
      await seedAuthzFixtures(env.database.kysely);
    });
    afterAll(() => env.dispose());

    const read = async (as: { cookie: string; csrfToken: string }) => {
      const res = await env.app.inject({ method: 'GET', url: URL, headers: headersFor(as) });
      return res;
    };

    it('names the controller, the date and the settings it came from, and fits its schema', async () => {
      const admin = await signIn(env.database.kysely, USERS.admin.id, NOW);
      const res = await read(admin);
      expect(res.statusCode).toBe(200);
      const record = res.json<ProcessingRecord>();
      expect(Value.Check(ProcessingRecordSchema, record)).toBe(true);
      expect(record.generatedOn).toBe(TODAY);
      expect(record.controller).toEqual({
        municipalityId: 'm1',
        name: 'Testkommune',
        number: '0001',
        language: 'nb',
        contact: null,
      });
      expect(record.dataProtectionOfficer).toEqual({ contact: null });
      // The defaults of migration 018, the session's 30 days and the meeting input's 14.
      expect(record.retention).toEqual({
        answersMonthsAfterPublishing: 24,
        auditLogMonths: 24,
        sessionIdleHours: 8,
        sessionAbsoluteDays: 30,
        meetingInputDays: 14,
        minimumThreshold: 3,
        codes: 'keyedHashOnly',
      });
      expect(record.settings).toEqual({
        answerRetentionMonths: 24,
        auditRetentionMonths: 24,
        sessionIdleHours: 8,
        accessibilityStatementUrl: null,
      });
      expect(record.transfers).toEqual({ thirdCountries: 'none', identityProvider: null });
      expect(record.security).toEqual([...RECORD_SECURITY_MEASURES]);
      expect(record.personalData.respondents).toContain('openTextMayIdentify');
      expect(record.processors).toEqual({ hosting: 'operator' });
    });

    it('follows the settings in the database at once', async () => {
      const db = env.database.kysely;
      await db
        .updateTable('municipalities')
        .set({
          answer_retention_months: 36,
          audit_retention_months: 12,
          session_idle_hours: 4,
          accessibility_statement_url: 'https://uustatus.no/nb/erklaringer/publisert/abc',
          controller_contact: 'postmottak@test.kommune.no',
          dpo_contact: 'personvernombud@test.kommune.no',
        })
        .where('id', '=', 'm1')
        .execute();
      const record = (await read(await signIn(db, USERS.admin.id, NOW))).json<ProcessingRecord>();
      expect(record.retention.answersMonthsAfterPublishing).toBe(36);
      expect(record.retention.auditLogMonths).toBe(12);
      expect(record.retention.sessionIdleHours).toBe(4);
      expect(record.settings.answerRetentionMonths).toBe(36);
      expect(record.controller.contact).toBe('postmottak@test.kommune.no');
      expect(record.dataProtectionOfficer).toEqual({ contact: 'personvernombud@test.kommune.no' });
      expect(record.settings.accessibilityStatementUrl).toBe(
        'https://uustatus.no/nb/erklaringer/publisert/abc',
      );
    });

    it("names the municipality's identity provider once sign-in through it is switched on", async () => {
      const db = env.database.kysely;
      const provider = {
        municipality_id: 'm1',
        issuer: 'https://login.microsoftonline.com/t-1/v2.0',
        client_id: 'c',
      };
      await db
        .insertInto('oidc_providers')
        .values({ ...provider, enabled: 0 })
        .execute();
      const admin = await signIn(db, USERS.admin.id, NOW);
      expect((await read(admin)).json<ProcessingRecord>().transfers.identityProvider).toBeNull();
      await db
        .updateTable('oidc_providers')
        .set({ enabled: 1 })
        .where('municipality_id', '=', 'm1')
        .execute();
      expect((await read(admin)).json<ProcessingRecord>().transfers.identityProvider).toEqual({
        issuer: provider.issuer,
      });
      await db.deleteFrom('oidc_providers').execute();
    });

    it('counts the accounts of the own municipality per role, each account once', async () => {
      const officer = await addPrivacyOfficer(env, 'records-po');
      // m2's privacy officer and admin are not m1's.
      await addPrivacyOfficer(env, 'records-po-m2', AUTHZ.otherMunicipality);
      const res = await read(officer);
      expect(res.statusCode).toBe(200);
      const counts = Object.fromEntries(
        res.json<ProcessingRecord>().recipients.map((r) => [r.role, r.accounts]),
      );
      // admin; leaderA, leaderB and the roles target; unionA; safetyA and the doomed account; the
      // matrix's privacy officer and this one.
      expect(counts).toEqual({ admin: 1, leader: 3, union_rep: 1, safety_rep: 2, privacy_officer: 2 });
      expect(TARGETS.foreignAdmin.municipalityId).toBe(AUTHZ.otherMunicipality);

      // A second unit for the same leader does not make a second leader.
      await replaceRoles(env.database.kysely, USERS.leaderA.id, [
        { role: 'leader', unitId: AUTHZ.unitA },
        { role: 'leader', unitId: AUTHZ.unitB },
      ]);
      const again = (await read(officer)).json<ProcessingRecord>();
      expect(again.recipients.find((r) => r.role === 'leader')?.accounts).toBe(3);
    });

    it('refuses every other staff role and no session', async () => {
      const db = env.database.kysely;
      for (const actor of ['leaderA', 'unionA', 'safetyA', 'leaderB'] as const) {
        const res = await read(await signIn(db, USERS[actor].id, NOW));
        expect(res.statusCode, actor).toBe(403);
        expect(res.json<ErrorBody>().error.code).toBe('FORBIDDEN_ROLE');
      }
      const anonymous = await env.app.inject({ method: 'GET', url: URL });
      expect(anonymous.statusCode).toBe(401);
    });

    it('gives another municipality’s admin that municipality’s record only', async () => {
      const res = await read(await signIn(env.database.kysely, TARGETS.foreignAdmin.id, NOW));
      expect(res.statusCode).toBe(200);
      const record = res.json<ProcessingRecord>();
      expect(record.controller.municipalityId).toBe(AUTHZ.otherMunicipality);
      expect(record.controller.language).toBe('nn');
      expect(record.retention.answersMonthsAfterPublishing).toBe(24);
      expect(record.recipients.find((r) => r.role === 'admin')?.accounts).toBe(1);
      expect(record.recipients.find((r) => r.role === 'leader')?.accounts).toBe(0);
    });
  });

  describe('on an instance of one municipality', () => {
    let env: TestEnvironment;
    beforeAll(async () => {
      env = await createEnvironment(dialect);
    });
    afterAll(() => env.dispose());

    it('names the municipality as its own host until an operator appears', async () => {
      const officer = await addPrivacyOfficer(env, 'records-po-single');
      const first = await env.app.inject({ method: 'GET', url: URL, headers: headersFor(officer) });
      expect(first.json<ProcessingRecord>().processors).toEqual({ hosting: 'municipality' });
      await env.database.kysely
        .insertInto('operators')
        .values({
          id: 'op',
          username: 'drift',
          display_name: 'Drift',
          password_hash: 'x',
          created_on: '2026-03-01',
        })
        .execute();
      const second = await env.app.inject({ method: 'GET', url: URL, headers: headersFor(officer) });
      expect(second.json<ProcessingRecord>().processors).toEqual({ hosting: 'operator' });
    });
  });
});
