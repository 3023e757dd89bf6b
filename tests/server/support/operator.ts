// An operator made and signed in, for tests of routes only the operator reaches.
import { createOperator } from '../../../src/server/operator/operator';
import { CSRF_HEADER } from '../../../src/shared/api/staff';
import type { TestEnvironment } from './environment';
import { NOW } from './fixtures';

const PASSWORD = 'operator-password-long';

/** The cookie and CSRF header of a new operator `username`'s session. */
export async function operatorHeaders(
  env: TestEnvironment,
  username = 'drift',
): Promise<Record<string, string>> {
  await createOperator(env.database.kysely, { username, displayName: 'Drift', password: PASSWORD }, NOW);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/operator/login',
    payload: { username, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`operator login: ${res.statusCode} ${res.body}`);
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    [CSRF_HEADER]: res.json<{ csrfToken: string }>().csrfToken,
  };
}
