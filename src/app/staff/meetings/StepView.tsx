// The current step of the meeting on the room's screen, by kind.
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import type { PhaseClock } from '../../ui/meeting/timer';
import { ChooseFocus } from './ChooseFocus';
import { IgpStep } from './IgpStep';
import { IntroStep } from './IntroStep';
import { MeasuresStep } from './MeasuresStep';
import { ResultsStep } from './ResultsStep';
import { ReviewItemStep, type Decision } from './ReviewItemStep';
import { ReviewSave } from './ReviewSave';
import { StepPrompt } from './StepPrompt';
import { SummaryStep } from './SummaryStep';
import type { Act, MeetingsApi } from './usePresenter';
import { VoteStep } from './VoteStep';

export interface StepViewProps {
  snapshot: MeetingSnapshot;
  clock: PhaseClock | null;
  act: Act;
  api: MeetingsApi;
  isBusy: boolean;
  lastVote: MeetingSnapshot['vote'];
  decisions: Readonly<Record<string, Decision>>;
  onDecision: (measureId: string, value: Decision) => void;
}

export function StepView(props: StepViewProps) {
  const { snapshot, act, isBusy } = props;
  const step = snapshot.steps[snapshot.stepIndex];
  if (!step) return null;
  switch (step.kind) {
    case 'intro':
      return <IntroStep />;
    case 'results':
      return <ResultsStep snapshot={snapshot} />;
    case 'igp':
      return <IgpStep snapshot={snapshot} clock={props.clock} act={act} api={props.api} isBusy={isBusy} />;
    case 'vote':
      return (
        <>
          <StepPrompt step={step} />
          <VoteStep vote={snapshot.vote} />
        </>
      );
    case 'choose':
      return (
        <>
          <StepPrompt step={step} />
          <ChooseFocus snapshot={snapshot} vote={snapshot.vote ?? props.lastVote} act={act} isBusy={isBusy} />
        </>
      );
    case 'measures':
      return (
        <>
          <StepPrompt step={step} />
          <MeasuresStep snapshot={snapshot} act={act} isBusy={isBusy} />
        </>
      );
    case 'reviewItem':
      return (
        <ReviewItemStep
          key={step.measureId}
          step={step}
          value={step.measureId ? props.decisions[step.measureId] : undefined}
          onChange={(value) => step.measureId && props.onDecision(step.measureId, value)}
        />
      );
    case 'summary':
      return (
        <>
          <StepPrompt step={step} />
          {snapshot.template === 'review' && snapshot.state === 'open' && (
            <ReviewSave snapshot={snapshot} decisions={props.decisions} act={act} isBusy={isBusy} />
          )}
          <SummaryStep snapshot={snapshot} act={act} isBusy={isBusy} />
        </>
      );
  }
}
