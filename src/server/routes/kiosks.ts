// Enrolled shared tablets. A leader or the admin makes a one-time enrolment link for a unit and
// round; the tablet that opens it gets a credential and becomes that unit's kiosk; it reports how
// many answers wait on it; the admin (or the unit's leader) sees every kiosk and can revoke one,
// after which it may deliver only as many answers as it last reported waiting.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { RESPONDENT_PATHS, STAFF_PATHS } from '../../shared/api/paths';
import {
  CreateKioskEnrolmentRequestSchema,
  IdParamsSchema,
  KIOSK_ENROLMENT_HOURS,
  KioskEnrolmentResponseSchema,
  KioskEnrolRequestSchema,
  KioskEnrolResponseSchema,
  KioskListItemSchema,
  KioskListResponseSchema,
  KioskStatusRequestSchema,
  KioskStatusResponseSchema,
  RoundUnitParamsSchema,
  type KioskEnrolmentResponse,
  type KioskEnrolResponse,
  type KioskListItem,
  type KioskListResponse,
  type KioskStatusResponse,
} from '../../shared/api/organisation';
import { osloDate } from '../../shared/dates';
import { notFound } from '../api-error';
import { unitsInScope } from '../auth/scope';
import type { Database } from '../db/database';
import { enrolKiosk } from '../kiosks/enrolment';
import { MAX_REVOKED_ALLOWANCE } from '../kiosks/revoked-allowance';
import { requireKiosk } from '../kiosks/kiosk-auth';
import {
  createEnrolment,
  describeKiosk,
  findKiosk,
  listKiosks,
  reportKioskStatus,
  revokeKiosk,
} from '../repositories/kiosks';
import { roundForUnit } from '../rounds/round-unit';
import { unitFromPath } from './round-unit';
import { isAdmin } from '../auth/policy';
import { staffOf } from './staff-request';
import { audit, fromReply, param } from '../audit/specs';

export const kioskRoutes: FastifyPluginAsyncTypebox<{ database: Database; now: () => Date }> = (
  app,
  { database, now },
) => {
  const db = database.kysely;
  /** For the access check: the unit of the kiosk in the path (undefined → 404). */
  const kioskUnit = async (request: FastifyRequest) =>
    (await findKiosk(db, (request as FastifyRequest<{ Params: { id: string } }>).params.id))?.unitId;

  app.post(
    STAFF_PATHS.kioskEnrolments,
    {
      config: {
        access: { allow: ['admin', 'leader'], unit: unitFromPath },
        // No label and no token: the log names no device.
        audit: audit('kiosk.enrol', { unit: param('unitId'), round: param('roundId') }),
      },
      schema: {
        params: RoundUnitParamsSchema,
        body: CreateKioskEnrolmentRequestSchema,
        response: { 201: KioskEnrolmentResponseSchema },
      },
    },
    async (request, reply): Promise<KioskEnrolmentResponse> => {
      const { municipalityId } = staffOf(request);
      const round = await roundForUnit(db, municipalityId, request.params, { mustTakeAnswers: true });
      const expiresAt = new Date(now().getTime() + KIOSK_ENROLMENT_HOURS * 3_600_000).toISOString();
      const label = request.body?.label?.trim() || null;
      const token = await createEnrolment(db, {
        unitId: request.params.unitId,
        roundId: round.id,
        label,
        expiresAt,
      });
      reply.code(201);
      void reply.header('cache-control', 'no-store');
      return { token, url: `/kiosk/${token}`, expiresAt };
    },
  );

  app.post(
    RESPONDENT_PATHS.kioskEnrol,
    {
      config: { access: { allow: 'public' } },
      schema: { body: KioskEnrolRequestSchema, response: { 201: KioskEnrolResponseSchema } },
    },
    async (request, reply): Promise<KioskEnrolResponse> => {
      const outcome = await enrolKiosk(db, request.body.token, now());
      reply.code(201);
      void reply.header('cache-control', 'no-store');
      return { credential: outcome.credential, kiosk: (await describeKiosk(db, outcome.kioskId))! };
    },
  );

  app.post(
    RESPONDENT_PATHS.kioskStatus,
    {
      config: { access: { allow: 'kiosk' } },
      // The credential is checked before the body is even parsed.
      onRequest: async (request) => void (await requireKiosk(db, request)),
      schema: { body: KioskStatusRequestSchema, response: { 200: KioskStatusResponseSchema } },
    },
    async (request): Promise<KioskStatusResponse> => {
      const kiosk = await requireKiosk(db, request);
      // A revoked kiosk still reports: what waits on it is what the admin needs to see.
      await reportKioskStatus(db, kiosk.id, request.body.pending, now());
      return { kiosk: (await describeKiosk(db, kiosk.id))! };
    },
  );

  app.get(
    STAFF_PATHS.kiosks,
    {
      config: { access: { allow: ['admin', 'leader'] } },
      schema: { response: { 200: KioskListResponseSchema } },
    },
    async (request): Promise<KioskListResponse> => {
      const staff = staffOf(request);
      const scope = isAdmin(staff) ? undefined : await unitsInScope(db, staff, ['leader']);
      return { kiosks: await listKiosks(db, staff.municipalityId, scope) };
    },
  );

  app.post(
    STAFF_PATHS.kioskRevoke,
    {
      config: {
        access: { allow: ['admin', 'leader'], unit: kioskUnit },
        audit: audit('kiosk.revoke', { unit: fromReply('unit', 'id'), round: fromReply('round', 'id') }),
      },
      schema: { params: IdParamsSchema, response: { 200: KioskListItemSchema } },
    },
    async (request): Promise<KioskListItem> => {
      const staff = staffOf(request);
      const kiosk = await findKiosk(db, request.params.id);
      if (!kiosk || kiosk.municipalityId !== staff.municipalityId) throw notFound('No such kiosk');
      // What it last reported waiting is what it may still deliver (../kiosks/revoked-allowance.ts).
      await revokeKiosk(db, kiosk.id, osloDate(now()), MAX_REVOKED_ALLOWANCE);
      const listed = await listKiosks(db, staff.municipalityId, new Set([kiosk.unitId]));
      return listed.find((k) => k.id === kiosk.id)!;
    },
  );
  return Promise.resolve();
};
