import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/app/i18n/i18n';
import { FactorSummary } from '../../../src/app/features/survey/FactorSummary';
import { FACTOR_IDS } from '../../../src/shared/factors';

describe('the factor summary after answering', () => {
  it('leads into the cards: each factor links to its card, plus the list and the deck', async () => {
    const i18n = await createI18n('nn');
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <FactorSummary />
        </MemoryRouter>
      </I18nextProvider>,
    );
    const first = await screen.findByRole('link', { name: 'Indre motivasjon' });
    expect(first).toHaveAttribute('href', '/faktorer/indre-motivasjon');
    const cardLinks = FACTOR_IDS.map((id) => document.querySelector(`a[href="/faktorer/${id}"]`));
    expect(cardLinks.every(Boolean)).toBe(true);
    expect(screen.getByRole('link', { name: 'Meistringsklima' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Les meir om alle faktorane' })).toHaveAttribute(
      'href',
      '/faktorer',
    );
    expect(
      screen.getByRole('link', { name: 'Gå gjennom alle ti, eitt kort om gongen' }).getAttribute('href'),
    ).toBe('/faktorer/les');
  });
});
