// The operator's wire schemas (issue 14): the hosting organisation lists and creates
// municipalities and gets the setup link of a municipality's first admin. No report, answer, code
// or plan of any municipality is part of this API.
import { Type, type Static } from '@sinclair/typebox';
import { ENTRY_SLUG_PATTERN } from '../entry-slug';
import { MUNICIPALITY_LANGUAGES } from '../languages';

export const OPERATOR_PATHS = {
  login: '/operator/login',
  logout: '/operator/logout',
  me: '/operator/me',
  municipalities: '/operator/municipalities',
  setupLink: '/operator/municipalities/:id/setup-link',
} as const;

export const OperatorLoginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const OperatorSessionSchema = Type.Object({
  operator: Type.Object({ username: Type.String(), displayName: Type.String() }),
  csrfToken: Type.String(),
});
export type OperatorSession = Static<typeof OperatorSessionSchema>;

export const OperatorMunicipalitySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  number: Type.String(),
  language: Type.Union(MUNICIPALITY_LANGUAGES.map((l) => Type.Literal(l))),
  entrySlug: Type.String(),
  hasAdmin: Type.Boolean(),
});
export type OperatorMunicipality = Static<typeof OperatorMunicipalitySchema>;
export const OperatorMunicipalityListSchema = Type.Object({
  municipalities: Type.Array(OperatorMunicipalitySchema),
});

export const CreateMunicipalityRequestSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    number: Type.String({ pattern: '^[0-9]{4}$' }),
    language: Type.Union(MUNICIPALITY_LANGUAGES.map((l) => Type.Literal(l))),
    /** Made from the name when left out. */
    entrySlug: Type.Optional(Type.String({ minLength: 2, maxLength: 63, pattern: ENTRY_SLUG_PATTERN })),
  },
  { additionalProperties: false },
);
export type CreateMunicipalityRequest = Static<typeof CreateMunicipalityRequestSchema>;

export const SetupLinkResponseSchema = Type.Object({
  /** The page path, /oppsett/<token>; shown once, only its hash is stored. */
  path: Type.String(),
  expiresAt: Type.String(),
});
export const OperatorMunicipalityParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
});
