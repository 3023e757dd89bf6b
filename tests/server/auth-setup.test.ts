import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import type { SessionResponse } from '../../src/shared/api/staff';
import { createAdmin, createSetupToken } from '../../src/server/auth/first-admin';
import { parseAdminCreateArgs } from '../../src/server/cli/admin-create';
import { municipalitiesWithoutAdmin } from '../../src/server/repositories/accounts';
import { insertMunicipality } from '../../src/server/repositories/organisation';
import { login } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

const HOUR = 60 * 60 * 1000;
const PASSWORD = 'det første passordet';

describeEachDatabase('the first admin', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    // The server test world (m1) without any account.
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  const setup = (token: string, username = 'forste-admin', app = env.app) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      payload: { token, username, displayName: 'Første Admin', password: PASSWORD },
    });

  it('lists a municipality without an admin, so the server prints a setup link for it', async () => {
    expect(await municipalitiesWithoutAdmin(env.database.kysely)).toEqual([
      { id: 'm1', name: 'Testkommune' },
    ]);
  });

  it('refuses an expired setup link and an unknown one with 403 SETUP_TOKEN_INVALID', async () => {
    const token = await createSetupToken(env.database.kysely, 'm1', NOW);
    const tomorrow = env.secondApp({ now: () => new Date(NOW.getTime() + 24 * HOUR + 1000) });
    for (const res of [
      await tomorrow.inject(`/api/v1/auth/setup/${token}`),
      await setup(token, 'too-late', tomorrow),
      await setup('made-up-token'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('SETUP_TOKEN_INVALID');
    }
  });

  it('creates the first admin from a setup link once, signed in at once', async () => {
    const token = await createSetupToken(env.database.kysely, 'm1', NOW);
    const status = await env.app.inject(`/api/v1/auth/setup/${token}`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual({ municipalityName: 'Testkommune' });

    const res = await setup(token, 'Forste-Admin');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^tf_session=/);
    expect(res.json<SessionResponse>().user).toMatchObject({
      username: 'forste-admin',
      displayName: 'Første Admin',
      municipalityId: 'm1',
      roles: [{ role: 'admin', unitId: null }],
    });
    const again = await setup(token, 'andre-admin');
    expect(again.statusCode).toBe(403);
    expect(again.json<ErrorBody>().error.code).toBe('SETUP_TOKEN_INVALID');
    expect((await login(env.app, 'forste-admin', PASSWORD)).res.statusCode).toBe(200);
    expect(await municipalitiesWithoutAdmin(env.database.kysely)).toEqual([]);
  });

  it('refuses a fresh setup link while the municipality has an admin: 409 SETUP_ALREADY_DONE', async () => {
    const token = await createSetupToken(env.database.kysely, 'm1', NOW);
    const res = await setup(token, 'enda-en-admin');
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('SETUP_ALREADY_DONE');
    const users = await env.database.kysely.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username)).toEqual(['forste-admin']);
  });

  it('creates an admin the way npm run admin:create does, refusing short passwords and taken names', async () => {
    const db = env.database.kysely;
    const admin = await createAdmin(
      db,
      { username: 'Kari.HR', displayName: ' Kari Nordmann ', password: PASSWORD },
      NOW,
    );
    expect(admin).toMatchObject({
      username: 'kari.hr',
      displayName: 'Kari Nordmann',
      municipalityId: 'm1',
      roles: [{ role: 'admin', unitId: null }],
      createdOn: '2026-03-10',
    });
    expect((await login(env.app, 'kari.hr', PASSWORD)).res.statusCode).toBe(200);
    await expect(
      createAdmin(db, { username: 'kari.hr', displayName: 'K', password: PASSWORD }, NOW),
    ).rejects.toThrow(/taken/);
    await expect(
      createAdmin(db, { username: 'ola', displayName: 'Ola', password: 'for kort' }, NOW),
    ).rejects.toThrow(/12/);
  });

  it('needs --municipality once the server has several, and finds it by number', async () => {
    const db = env.database.kysely;
    await insertMunicipality(db, { id: 'm9', name: 'Nummer ni', number: '0909', language: 'nn' });
    const input = { username: 'per', displayName: 'Per', password: PASSWORD };
    await expect(createAdmin(db, input, NOW)).rejects.toThrow(/--municipality/);
    expect((await createAdmin(db, { ...input, municipality: '0909' }, NOW)).municipalityId).toBe('m9');
  });

  it('reads the CLI arguments, the password optional (then it is prompted for)', () => {
    expect(parseAdminCreateArgs(['--username', 'kari', '--name', 'Kari Nordmann'])).toEqual({
      username: 'kari',
      name: 'Kari Nordmann',
    });
    expect(() => parseAdminCreateArgs(['--username', 'kari'])).toThrow(/Usage/);
    expect(() => parseAdminCreateArgs(['--username', 'kari', '--name', 'K', '--pasword', 'x'])).toThrow();
  });
});
