// The dot vote as the room sees it: each option with its dots so far, updating live as phones
// vote. The dots are drawn for the eye and spelled out for screen readers.
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { useOptionLabel } from './useOptionLabel';

export function VoteStep({ vote }: { vote: MeetingSnapshot['vote'] }) {
  const { t } = useTranslation('presenter');
  const label = useOptionLabel();
  if (!vote) return <p>{t('vote.waiting')}</p>;
  const most = Math.max(1, ...vote.options.map((o) => o.dots));
  return (
    <div className="presenter-vote">
      <p>{t('vote.lead', { count: vote.dotsPerPhone })}</p>
      <p className="presenter-big-count">{t('vote.voters', { count: vote.voters })}</p>
      <ul className="presenter-vote__options">
        {vote.options.map((o) => (
          <li key={o.id}>
            <span className="presenter-vote__label">{label(o)}</span>
            <span
              className="presenter-vote__bar"
              aria-hidden="true"
              style={{ inlineSize: `${(o.dots / most) * 100}%` }}
            />
            <span className="presenter-vote__dots">{t('vote.dots', { count: o.dots })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
