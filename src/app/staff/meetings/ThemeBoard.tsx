// After the reveal, the leader (or a group's secretary at the tablet) sorts the contributions into
// themes: a short label per contribution, picked from the labels already used or typed new. The
// board then shows each theme with its contributions, still without author and in the reveal's
// order. A label can be cleared to put a contribution back among the unsorted.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import type { Act } from './usePresenter';

interface Props {
  snapshot: MeetingSnapshot;
  act: Act;
  isBusy: boolean;
}

export function ThemeBoard({ snapshot, act, isBusy }: Props) {
  const { t } = useTranslation('presenter');
  const id = useId();
  const [isSorting, setIsSorting] = useState(false);
  const { contributions } = snapshot;
  const labels = [...new Set(contributions.flatMap((c) => (c.label ? [c.label] : [])))];
  if (!snapshot.revealed || contributions.length === 0) return null;
  return (
    <section className="presenter-themes" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('themes.title')}</h2>
      {labels.length > 0 && (
        <div className="presenter-themes__groups">
          {labels.map((label) => (
            <div key={label} className="presenter-themes__group">
              <h3>{label}</h3>
              <ul>
                {contributions
                  .filter((c) => c.label === label)
                  .map((c) => (
                    <li key={c.id}>{c.text}</li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={isSorting}
        aria-controls={`${id}-sort`}
        onClick={() => setIsSorting(!isSorting)}
      >
        {isSorting ? t('themes.done') : t('themes.sort')}
      </button>
      {/* The rows repeat each text, so they are drawn only while the leader sorts. */}
      <div id={`${id}-sort`} className="presenter-themes__sort" hidden={!isSorting}>
        {isSorting && (
          <>
            <p className="hint">{t('themes.hint')}</p>
            <datalist id={`${id}-labels`}>
              {labels.map((label) => (
                <option key={label} value={label} />
              ))}
            </datalist>
            <ul className="presenter-themes__rows">
              {contributions.map((c) => (
                <ThemeRow
                  key={`${c.id}:${c.label ?? ''}`}
                  contribution={c}
                  listId={`${id}-labels`}
                  isBusy={isBusy}
                  onSave={(label) => act((api) => api.group(snapshot.meetingId, c.id, label))}
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

interface RowProps {
  contribution: MeetingSnapshot['contributions'][number];
  listId: string;
  isBusy: boolean;
  onSave: (label: string | null) => Promise<boolean>;
}

function ThemeRow({ contribution, listId, isBusy, onSave }: RowProps) {
  const { t } = useTranslation('presenter');
  const id = useId();
  const [label, setLabel] = useState(contribution.label ?? '');
  const clean = label.trim();
  return (
    <li>
      <p id={`${id}-text`}>{contribution.text}</p>
      <form
        className="presenter-themes__form"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave(clean || null);
        }}
      >
        <label htmlFor={`${id}-label`}>{t('themes.label')}</label>
        <input
          id={`${id}-label`}
          list={listId}
          maxLength={60}
          value={label}
          aria-describedby={`${id}-text`}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button
          type="submit"
          className="button button--secondary button--small"
          aria-describedby={`${id}-text`}
          disabled={isBusy || clean === (contribution.label ?? '')}
        >
          {clean ? t('themes.save') : t('themes.clear')}
        </button>
      </form>
    </li>
  );
}
