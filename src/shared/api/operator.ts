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
  nationalReleases: '/operator/national-releases',
  unitTypes: '/operator/unit-types',
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

/** Years a national release can be asked for: the survey began long after 2000. */
export const RELEASE_YEAR_RANGE = { minimum: 2000, maximum: 2100 } as const;

export const NationalReleaseRowSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  /** A unit type, or '*' for the municipality as a whole. */
  unitType: Type.String(),
  version: Type.Integer(),
  releasedAt: Type.String(),
  municipalities: Type.Integer(),
  minMunicipalities: Type.Integer(),
});
export type NationalReleaseRow = Static<typeof NationalReleaseRowSchema>;
export const NationalReleaseListSchema = Type.Object({ releases: Type.Array(NationalReleaseRowSchema) });
/** The query string is not coerced (app.ts): the year is four digits, checked for range in the route. */
export const NationalReleaseListQuerySchema = Type.Object(
  { year: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })) },
  { additionalProperties: false },
);

export const MakeNationalReleaseRequestSchema = Type.Object(
  { year: Type.Integer(RELEASE_YEAR_RANGE) },
  { additionalProperties: false },
);
export const MakeNationalReleaseResponseSchema = Type.Object({
  year: Type.Integer(),
  /** The unit types that got a new version. */
  released: Type.Array(Type.Object({ unitType: Type.String(), version: Type.Integer() })),
  /** Too few municipalities: reports of these types use imported figures. */
  tooFew: Type.Array(Type.String()),
  /** Computed the same as their latest version: nothing new written. */
  unchanged: Type.Array(Type.String()),
});
export type MakeNationalReleaseResponse = Static<typeof MakeNationalReleaseResponseSchema>;

/**
 * A unit type is national: national comparisons group every municipality's units by it, so the
 * operator keeps the one list (municipality admins pick from it for their units).
 */
const TypeLabel = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });
export const CreateUnitTypeRequestSchema = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    label: Type.Object({ nb: TypeLabel, nn: TypeLabel, en: TypeLabel }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type CreateUnitTypeRequest = Static<typeof CreateUnitTypeRequestSchema>;
