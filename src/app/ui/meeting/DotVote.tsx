// A phone's dots: a fixed number to spread over the options, more than one on the same option
// allowed. Plain buttons with full names ("Give one dot to Mestring"), so it works with a
// keyboard, a switch or a screen reader as well as a thumb; the count left is announced politely.
import './meeting.css';
import { useTranslation } from 'react-i18next';

export interface VoteOption {
  id: string;
  label: string;
}

interface Props {
  options: readonly VoteOption[];
  dots: number;
  value: Readonly<Record<string, number>>;
  onChange: (next: Record<string, number>) => void;
  disabled?: boolean;
}

export function DotVote({ options, dots, value, onChange, disabled = false }: Props) {
  const { t } = useTranslation('meeting');
  const used = options.reduce((sum, o) => sum + (value[o.id] ?? 0), 0);
  const left = Math.max(0, dots - used);
  const set = (id: string, n: number) => onChange({ ...value, [id]: Math.max(0, n) });
  return (
    <fieldset className="meeting-vote" disabled={disabled}>
      <legend>{t('vote.heading')}</legend>
      <p role="status" aria-live="polite">
        {t('vote.left', { count: left })}
      </p>
      <ul className="meeting-vote__options">
        {options.map((o) => {
          const mine = value[o.id] ?? 0;
          return (
            <li key={o.id}>
              <span className="meeting-vote__label">{o.label}</span>
              <button
                type="button"
                onClick={() => set(o.id, mine - 1)}
                disabled={mine === 0}
                aria-label={t('vote.remove', { option: o.label })}
              >
                −
              </button>
              <span className="meeting-vote__mine">{t('vote.dots', { count: mine })}</span>
              <button
                type="button"
                onClick={() => set(o.id, mine + 1)}
                disabled={left === 0}
                aria-label={t('vote.add', { option: o.label })}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
