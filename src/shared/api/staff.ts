// The wire contract for staff: sign-in, the signed-in user, first-admin setup and account
// administration. The server validates with these schemas and the PWA derives its types from them.
// Staff requests carry the session cookie (HttpOnly, so the PWA never sees it) and, on POST, PUT,
// PATCH and DELETE, the CSRF token from the login or /auth/me answer in the CSRF_HEADER header.
import { Type, type Static } from '@sinclair/typebox';
import { Id, literalUnion, Nullable } from './primitives';

export const STAFF_ROLES = ['admin', 'leader', 'union_rep', 'safety_rep', 'privacy_officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The roles held for the whole municipality (unitId null): admin, and the privacy officer
 * (personvernombud), who reads the audit log and the settings but no report.
 */
export const MUNICIPALITY_WIDE_ROLES: readonly StaffRole[] = ['admin', 'privacy_officer'];

export const SESSION_COOKIE = 'tf_session';
export const CSRF_HEADER = 'x-csrf-token';
export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; the cap only keeps a request from making hashing expensive. */
export const MAX_PASSWORD_LENGTH = 256;

/** Usernames are compared case-insensitively: "Kari.N" and "kari.n" are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const StaffRoleSchema = literalUnion(STAFF_ROLES);

/**
 * One role of a person. admin and privacy_officer have unitId null (the whole municipality);
 * leader, union_rep and safety_rep name the unit they hold the role on, which also covers every unit below it.
 */
export const RoleAssignmentSchema = Type.Object(
  { role: StaffRoleSchema, unitId: Nullable(Id) },
  { additionalProperties: false },
);
export type RoleAssignment = Static<typeof RoleAssignmentSchema>;

const PasswordSchema = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });
/** Letters a–z, digits and . _ @ - (an e-mail address works), 3 to 64 characters. */
export const USERNAME_PATTERN = '^[A-Za-z0-9._@-]{3,64}$';
const NewUsernameSchema = Type.String({ pattern: USERNAME_PATTERN });
const DisplayNameSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const RolesSchema = Type.Array(RoleAssignmentSchema, { minItems: 1, maxItems: 200 });

/** The signed-in staff member (GET /auth/me), also the shape of an account in the admin list. */
export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  municipalityId: Type.String(),
  roles: Type.Array(RoleAssignmentSchema),
});
export type Me = Static<typeof MeSchema>;

/** Login, setup and /auth/me: who is signed in and the token to echo in CSRF_HEADER. */
export const SessionResponseSchema = Type.Object({ user: MeSchema, csrfToken: Type.String() });
export type SessionResponse = Static<typeof SessionResponseSchema>;

export const LoginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
    /** Needed only once a server hosts several municipalities with the same username. */
    municipalityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequestSchema>;

export const ChangePasswordRequestSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
    newPassword: PasswordSchema,
  },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequestSchema>;

/** GET /auth/setup/:token: the link is still good, for this municipality. */
export const SetupStatusResponseSchema = Type.Object({ municipalityName: Type.String() });
export type SetupStatusResponse = Static<typeof SetupStatusResponseSchema>;

export const SetupRequestSchema = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    username: NewUsernameSchema,
    displayName: DisplayNameSchema,
    password: PasswordSchema,
  },
  { additionalProperties: false },
);
export type SetupRequest = Static<typeof SetupRequestSchema>;

export const AccountSchema = Type.Object({
  ...MeSchema.properties,
  /** YYYY-MM-DD. */
  createdOn: Type.String(),
  /** Present for an account made at sign-in through the identity provider (no password of its own). */
  signIn: Type.Optional(Type.Literal('oidc')),
});
export type Account = Static<typeof AccountSchema>;

export const AccountListResponseSchema = Type.Object({ accounts: Type.Array(AccountSchema) });
export type AccountListResponse = Static<typeof AccountListResponseSchema>;

export const CreateAccountRequestSchema = Type.Object(
  {
    username: NewUsernameSchema,
    displayName: DisplayNameSchema,
    password: PasswordSchema,
    roles: RolesSchema,
  },
  { additionalProperties: false },
);
export type CreateAccountRequest = Static<typeof CreateAccountRequestSchema>;

/** No roles at all is allowed here: the person is signed out and can do nothing until given one (issue 15). */
export const UpdateRolesRequestSchema = Type.Object(
  { roles: Type.Array(RoleAssignmentSchema, { maxItems: 200 }) },
  { additionalProperties: false },
);
export type UpdateRolesRequest = Static<typeof UpdateRolesRequestSchema>;

export const AccountParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
