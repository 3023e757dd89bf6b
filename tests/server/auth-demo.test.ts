import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/shared/api/staff';
import { DEMO_IDS, DEMO_LOGINS, seedDemo } from '../../src/server/demo/seed-demo';
import { municipalitiesWithoutAdmin } from '../../src/server/repositories/accounts';
import { login } from './authz/fixtures';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { NOW } from './support/fixtures';

describeEachDatabase('the demo logins', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect, { seed: false });
    await seedDemo(env.database, NOW);
    await seedDemo(env.database, NOW);
  });
  afterAll(() => env.dispose());

  it('signs in the demo admin, for the whole municipality', async () => {
    const { res } = await login(env.app, DEMO_LOGINS.admin, DEMO_LOGINS.password);
    expect(res.statusCode).toBe(200);
    expect(res.json<SessionResponse>().user).toMatchObject({
      username: 'demo-admin',
      municipalityId: DEMO_IDS.municipality,
      roles: [{ role: 'admin', unitId: null }],
    });
  });

  it('signs in the demo leader of Solbakken sykehjem', async () => {
    const { res } = await login(env.app, DEMO_LOGINS.leader, DEMO_LOGINS.password);
    expect(res.statusCode).toBe(200);
    expect(res.json<SessionResponse>().user.roles).toEqual([{ role: 'leader', unitId: DEMO_IDS.unit }]);
    const unit = await env.database.kysely
      .selectFrom('units')
      .select('name')
      .where('id', '=', DEMO_IDS.unit)
      .executeTakeFirst();
    expect(unit?.name).toBe('Solbakken sykehjem');
  });

  it('needs no setup link, and seeding twice made each account once', async () => {
    expect(await municipalitiesWithoutAdmin(env.database.kysely)).toEqual([]);
    const users = await env.database.kysely
      .selectFrom('users')
      .select('username')
      .orderBy('username')
      .execute();
    expect(users.map((u) => u.username)).toEqual(['demo-admin', 'demo-leder', 'demo-personvern']);
  });
});
