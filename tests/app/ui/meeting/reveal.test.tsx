// Before the reveal the shared screen has a count and nothing else; after it, every text, none
// of them in writing order for certain, the same order on every screen of the same reveal.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RevealBoard } from '../../../../src/app/ui/meeting/RevealBoard';
import { shuffled } from '../../../../src/app/ui/meeting/shuffle';
import { WordCloud } from '../../../../src/app/ui/meeting/WordCloud';
import { buildCloud } from '../../../../src/app/ui/meeting/word-cloud';
import { renderMeeting } from './render-meeting';

const NOTES = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, text: `Bidrag nummer ${i}` }));

describe('RevealBoard', () => {
  it('shows only how many were written until revealed', async () => {
    const onReveal = vi.fn();
    await renderMeeting(<RevealBoard count={3} revealed={null} onReveal={onReveal} />);
    expect(screen.getByText('3 bidrag skrevet')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
    expect(document.body.textContent).not.toMatch(/Bidrag nummer/);
    await userEvent.click(screen.getByRole('button', { name: 'Vis bidragene' }));
    expect(onReveal).toHaveBeenCalledOnce();
  });

  it('cannot be revealed with nothing written', async () => {
    await renderMeeting(<RevealBoard count={0} revealed={null} onReveal={() => {}} />);
    expect(screen.getByRole('button', { name: 'Vis bidragene' })).toBeDisabled();
  });

  it('lists every text once after the reveal, in a seeded order that is the same on each screen', async () => {
    const first = await renderMeeting(<RevealBoard count={12} revealed={NOTES} revealId="r1" />);
    const items = within(screen.getByRole('list'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect([...items].sort()).toEqual(NOTES.map((n) => n.text).sort());
    expect(items).not.toEqual(NOTES.map((n) => n.text));
    first.unmount();
    await renderMeeting(<RevealBoard count={12} revealed={NOTES} revealId="r1" />);
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(items);
  });

  it('shuffles to orders other than the writing order', () => {
    const orders = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        shuffled(NOTES, seed)
          .map((n) => n.id)
          .join(),
      ),
    );
    expect(orders.size).toBe(5);
  });
});

describe('word cloud', () => {
  it('counts a word once per contribution and leaves out short and common words', () => {
    const cloud = buildCloud(['Samhold samhold og humor', 'Humor på vakt', 'vi er gode på humor']);
    expect(cloud[0]).toEqual({ word: 'humor', count: 3, weight: 5 });
    expect(cloud.find((w) => w.word === 'samhold')?.count).toBe(1);
    expect(cloud.some((w) => ['og', 'på', 'vi', 'er'].includes(w.word))).toBe(false);
  });

  it('spells each word and its count out for screen readers', async () => {
    await renderMeeting(<WordCloud texts={['Humor', 'humor og samhold']} />, 'en');
    expect(screen.getByText('What are our strengths?')).toBeInTheDocument();
    expect(screen.getByText('humor: 2 contributions')).toBeInTheDocument();
    expect(screen.getByText('samhold: 1 contribution')).toBeInTheDocument();
  });
});
