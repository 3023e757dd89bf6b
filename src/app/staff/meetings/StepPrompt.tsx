// The step's heading on the room's screen, large: the question of an IGP round ("Hva er styrkene
// våre?", a factor, measures for a factor) or what the step is for.
import { useTranslation } from 'react-i18next';
import type { MeetingStep } from '../../../shared/api/meetings';

export function StepPrompt({ step }: { step: MeetingStep }) {
  const { t } = useTranslation(['presenter', 'meeting', 'factors']);
  const factor = step.factorId ? t(`factors:factor.${step.factorId}.name`) : '';
  let text: string;
  if (step.kind === 'igp' && step.prompt === 'strengths') text = t('meeting:cloud.question');
  else if (step.kind === 'igp' && step.prompt === 'measures') text = t('igp.measuresPrompt', { factor });
  else if (step.kind === 'igp') text = t('igp.factorPrompt', { factor });
  else if (step.kind === 'results' && factor) text = t('results.factorTitle', { factor });
  else if (step.kind === 'vote' && factor) text = t('vote.factorTitle', { factor });
  else text = t(`step.${step.kind}`);
  return <h2 className="presenter-prompt">{text}</h2>;
}
