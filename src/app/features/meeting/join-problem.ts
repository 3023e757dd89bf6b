// Why joining did not work, in the few kinds the phone explains differently. Codes are the stable
// ones of src/shared/api/errors.ts; a code this build does not know is "server" trouble.
import type { LiveReply } from '../../connection/meeting-live';

export type JoinProblem =
  | { kind: 'invalid'; via: 'code' | 'link' }
  | { kind: 'rateLimited'; retryAfterSeconds: number | null }
  | { kind: 'closed' }
  | { kind: 'offline' }
  | { kind: 'server' };

export function joinProblem(reply: LiveReply<unknown>, via: 'code' | 'link'): JoinProblem | null {
  switch (reply.kind) {
    case 'ok':
      return null;
    case 'unreachable':
      return { kind: 'offline' };
    case 'invalid':
      return { kind: 'server' };
    case 'refused': {
      const code = reply.error?.code;
      if (code === 'MEETING_CODE_INVALID' || (code === undefined && reply.status === 404)) {
        return { kind: 'invalid', via };
      }
      if (code === 'RATE_LIMITED' || reply.status === 429) {
        return { kind: 'rateLimited', retryAfterSeconds: reply.retryAfterSeconds ?? null };
      }
      if (code === 'MEETING_CLOSED') return { kind: 'closed' };
      if (code === 'MALFORMED_REQUEST') return { kind: 'invalid', via };
      return { kind: 'server' };
    }
  }
}
