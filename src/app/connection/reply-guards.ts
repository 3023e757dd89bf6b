// Owns the respondent side's check of every server reply: one guard per reply schema of
// src/shared/api (respondent.ts, organisation.ts, error-body.ts), written with ./guard.ts so no
// TypeBox code is in the respondent's first load. The schemas stay the contract: each guard is
// typed by its schema's Static type, and tests/app/connection/reply-guards.test.ts holds it to
// Value.Check of that schema on valid replies and thousands of malformed ones. A change to a reply
// schema fails that test until the guard here follows it.
import type { Static } from '@sinclair/typebox';
import type { ErrorBodySchema } from '../../shared/api/error-body';
import type {
  CodeCheckResponse,
  KioskEnrolResponse,
  KioskStatusResponse,
} from '../../shared/api/organisation';
import type { CurrentRoundResponse, EntryRoundsResponse, IngestResponse } from '../../shared/api/respondent';
import { ROUND_STATUSES } from '../../shared/api/constants';
import { MIN_IDLE_TIMEOUT_SECONDS } from '../../shared/device';
import { LANGUAGES, type Language } from '../../shared/languages';
import {
  arrayOf,
  integer,
  isBoolean,
  isString,
  nullable,
  object,
  oneOf,
  optional,
  string,
  union,
  type Guard,
} from './guard';

/** The envelope every refusal carries; `code` may be one a newer server added (see error-body.ts). */
export type ErrorEnvelope = Static<typeof ErrorBodySchema>;

const perLanguage = <G extends Guard<unknown>>(guard: G) =>
  Object.fromEntries(LANGUAGES.map((language) => [language, guard])) as Record<Language, G>;

/** LocalizedTextSchema: a string for every language, other keys allowed. */
const localizedText = object(perLanguage(isString));
/** LocalizedNamesSchema: NameSchema per language, each optional, nothing else. */
const localizedNames = object(
  perLanguage(optional(string({ minLength: 1, maxLength: 200, pattern: /\S/ }))),
  { exact: true },
);
const unitRef = object({ id: isString, name: isString });
const message = object({ code: isString, message: isString });

const round = object({
  id: isString,
  name: isString,
  names: optional(localizedNames),
  opensOn: isString,
  closesOn: isString,
  status: oneOf(['draft', 'open', 'closed']),
  defaultLanguage: oneOf(LANGUAGES),
  threshold: integer(),
  openQuestionEnabled: isBoolean,
  backgroundEnabled: isBoolean,
  questionnaireVersion: isString,
  unit: unitRef,
});

const questionnaire = object({
  version: isString,
  statements: arrayOf(object({ id: isString, factor: isString, order: integer(), text: localizedText })),
  background: arrayOf(
    object({
      id: isString,
      label: localizedText,
      options: arrayOf(object({ value: isString, label: localizedText })),
    }),
  ),
  openQuestion: object({ label: localizedText, warning: localizedText, maxLength: integer() }),
});

const settings = optional(object({ idleTimeoutSeconds: integer(MIN_IDLE_TIMEOUT_SECONDS) }));

export const isErrorBody: Guard<ErrorEnvelope> = object({ error: message });

export const isCurrentRoundResponse: Guard<CurrentRoundResponse> = object({
  round,
  questionnaire,
  settings,
});

export const isEntryRoundsResponse: Guard<EntryRoundsResponse> = object({
  municipality: object({ slug: isString, name: isString }),
  rounds: arrayOf(round),
  questionnaires: arrayOf(questionnaire),
  settings,
});

export const isCodeCheckResponse: Guard<CodeCheckResponse> = union(
  object({
    status: oneOf(['valid']),
    round: object({
      id: isString,
      name: isString,
      opensOn: isString,
      closesOn: isString,
      questionnaireVersion: isString,
    }),
    unit: unitRef,
  }),
  object({ status: oneOf(['used', 'notOpen', 'unknown']) }),
);

const kioskSelf = object({
  id: isString,
  label: isString,
  unit: unitRef,
  openKiosk: isBoolean,
  round: object({
    id: isString,
    name: isString,
    opensOn: isString,
    closesOn: isString,
    status: oneOf(ROUND_STATUSES),
  }),
  revokedOn: nullable(isString),
});

export const isKioskEnrolResponse: Guard<KioskEnrolResponse> = object({
  credential: isString,
  kiosk: kioskSelf,
});
export const isKioskStatusResponse: Guard<KioskStatusResponse> = object({ kiosk: kioskSelf });

export const isIngestResponse: Guard<IngestResponse> = object({
  results: arrayOf(
    union(
      object({ id: isString, status: oneOf(['accepted']) }),
      object({ id: isString, status: oneOf(['duplicate']) }),
      object({ id: isString, status: oneOf(['rejected']), code: isString, message: isString }),
    ),
  ),
  error: optional(message),
});
