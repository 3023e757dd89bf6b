import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDraft, startDraft } from '../../../src/app/offline';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

describe('a device that cannot save', () => {
  beforeEach(resetOfflineDb);
  afterEach(() => vi.restoreAllMocks());

  it('says so plainly and stays on the statement instead of pretending the tap was saved', async () => {
    await startDraft(roundFixture().round, 'nb');
    const { user } = await renderApp({ path: '/pastand/1' });
    await screen.findByText('1 av 36');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await user.click(screen.getByRole('radio', { name: 'Svært enig' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Lagringsplassen på nettbrettet eller telefonen er full, så svaret ble ikke lagret/,
    );
    expect(screen.getByText('1 av 36')).toBeInTheDocument();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Svært enig' })).not.toBeChecked();
    vi.restoreAllMocks();
    expect((await loadDraft({ maxAgeMs: 60_000 }))?.answers).toEqual({});
  });
});
