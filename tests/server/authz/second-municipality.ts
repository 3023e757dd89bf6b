// A second municipality's staff (issue 14): m2's admin (TARGETS.foreignAdmin) and a leader, union
// rep and safety rep on m2's unit. Used by second-municipality.test.ts to prove they reach nothing
// of m1 on any route of the matrix.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../../src/server/auth/password';
import type { DB } from '../../../src/server/db/schema';
import { insertUser, replaceRoles } from '../../../src/server/repositories/accounts';
import { AUTHZ, FIXTURE_PASSWORD, TARGETS } from './fixtures';

const m2 = (id: string, role: 'leader' | 'union_rep' | 'safety_rep') => ({
  id,
  username: id,
  municipalityId: AUTHZ.otherMunicipality,
  roles: [{ role, unitId: AUTHZ.foreignUnit }],
});

export const SECOND = {
  admin2: TARGETS.foreignAdmin,
  leader2: m2('authz-m2-leader', 'leader'),
  union2: m2('authz-m2-union', 'union_rep'),
  safety2: m2('authz-m2-safety', 'safety_rep'),
} as const;

export async function seedSecondMunicipality(db: Kysely<DB>): Promise<void> {
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  for (const u of [SECOND.leader2, SECOND.union2, SECOND.safety2]) {
    const row = { ...u, displayName: u.username, passwordHash, createdOn: '2026-03-01' };
    if (await insertUser(db, row)) await replaceRoles(db, u.id, u.roles);
  }
}
