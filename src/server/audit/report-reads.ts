// The audit declarations of the report reads (issue 15). One entry per reply: a unit's report
// whose reply lists open answers is 'report.open_answers.read' (the stronger fact: someone read
// what people wrote), else the report of the round's own unit is the municipality's report
// ('report.municipality.read'), else 'report.unit.read'. The reply says which (isMunicipality,
// openAnswers), so no second lookup is needed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../shared/audit';
import type { AuditSpec } from './hook';
import { audit, param, replyJson } from './specs';

interface ReportReply {
  isMunicipality?: unknown;
  openAnswers?: unknown;
}

function reportAction(request: FastifyRequest, _reply: FastifyReply, payload: unknown): AuditAction {
  const body = replyJson(request, payload) as ReportReply | undefined;
  if (Array.isArray(body?.openAnswers)) return 'report.open_answers.read';
  return body?.isMunicipality === true ? 'report.municipality.read' : 'report.unit.read';
}

export const UNIT_REPORT_READ: AuditSpec = {
  action: reportAction,
  unit: param('unitId'),
  round: param('roundId'),
};

export const HEATMAP_READ: AuditSpec = audit('report.heatmap.read', { round: param('roundId') });
