// The few requests Fastify answers before routing, so outside the error handler: a URL whose
// percent-encoding does not decode (FST_ERR_BAD_URL) and a path parameter longer than the
// router's maxParamLength (FST_ERR_MAX_PARAM_LENGTH). Fastify's own answer has its own envelope
// and echoes the whole URL; this one is the API's envelope with a stable code, like any other
// 400, with the security headers every answer carries (the hooks that add them have not run).
// Passed to Fastify as the `frameworkErrors` option (app.ts).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler';
import { securityHeadersFor } from './security-headers';

const MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The address holds a percent-encoding that does not decode',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the address is longer than any id',
};

export function frameworkErrors(options: { behindTlsProxy: boolean }) {
  const addSecurityHeaders = securityHeadersFor(options);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    addSecurityHeaders(request, reply);
    void sendError(reply, 'MALFORMED_REQUEST', MESSAGES[error.code] ?? 'The address is malformed');
  };
}
