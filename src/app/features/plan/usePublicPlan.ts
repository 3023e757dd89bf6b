// Loads the public plan once per token and shows it in the municipality's language unless the
// person picked another one (preferLanguage: the switch still wins).
import { useEffect, useState } from 'react';
import type { PublicPlanResponse } from '../../../shared/api/plans';
import { fetchPublicPlan } from '../../connection/public-plan';
import { useLanguage } from '../../i18n/useLanguage';

export type PlanProblem = 'link' | 'offline' | 'busy' | 'server';

export type PlanState =
  | { kind: 'loading' }
  | { kind: 'ready'; plan: PublicPlanResponse }
  | { kind: 'failed'; problem: PlanProblem };

export function usePublicPlan(token: string): PlanState {
  const { preferLanguage } = useLanguage();
  const [state, setState] = useState<{ token: string; value: PlanState }>({
    token,
    value: { kind: 'loading' },
  });

  useEffect(() => {
    let isCurrent = true;
    void fetchPublicPlan(token).then((reply) => {
      if (!isCurrent) return;
      if (reply.kind === 'ok') {
        preferLanguage(reply.body.municipality.language);
        setState({ token, value: { kind: 'ready', plan: reply.body } });
        return;
      }
      const problem: PlanProblem =
        reply.kind === 'unreachable'
          ? 'offline'
          : reply.kind === 'refused' && reply.status === 404
            ? 'link'
            : reply.kind === 'refused' && reply.status === 429
              ? 'busy'
              : 'server';
      setState({ token, value: { kind: 'failed', problem } });
    });
    return () => {
      isCurrent = false;
    };
  }, [token, preferLanguage]);

  return state.token === token ? state.value : { kind: 'loading' };
}
