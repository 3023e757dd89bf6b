// The person's language pick is a device preference: it survives a reload, beats the round's and
// the municipality's default, and only the pick itself is ever stored.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/app/i18n/i18n';
import { saveAnswer, startDraft } from '../../../src/app/offline';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { LANGUAGE_CHOICE_KEY } from '../../../src/app/i18n/language-choice';
import { LanguageProvider } from '../../../src/app/i18n/LanguageProvider';
import { useLanguage } from '../../../src/app/i18n/useLanguage';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

const storage = window.localStorage;

beforeEach(() => {
  resetOfflineDb();
  storage.clear();
});

const button = (name: string) => screen.getByRole('button', { name });

describe('the language pick', () => {
  it('is still nynorsk after a reload once the person picked nynorsk', async () => {
    const first = await renderApp({ languageStorage: storage });
    await first.user.click(await screen.findByRole('button', { name: 'Nynorsk' }));
    expect(await screen.findByRole('button', { name: 'Start undersøkinga' })).toBeInTheDocument();
    first.unmount();

    // A reload: a fresh i18n instance in bokmål, a fresh app, the same device storage.
    const second = await renderApp({ languageStorage: storage, language: 'nb' });
    expect(await screen.findByRole('button', { name: 'Start undersøkinga' })).toBeInTheDocument();
    expect(button('Nynorsk')).toHaveAttribute('aria-pressed', 'true');
    expect(second.i18n.language).toBe('nn');
    expect(document.documentElement).toHaveAttribute('lang', 'nn');
  });

  it('is not overridden by the round’s default language', async () => {
    storage.setItem(LANGUAGE_CHOICE_KEY, 'nn');
    await renderApp({ languageStorage: storage, round: roundFixture({ defaultLanguage: 'en' }) });

    expect(await screen.findByText('Medarbeiderundersøkelsen 2026')).toBeInTheDocument();
    expect(button('Start undersøkinga')).toBeInTheDocument();
    expect(button('Nynorsk')).toHaveAttribute('aria-pressed', 'true');
  });

  it('leaves the round’s default to apply when none was picked, and stores no default', async () => {
    await renderApp({ languageStorage: storage, round: roundFixture({ defaultLanguage: 'en' }) });

    expect(await screen.findByRole('button', { name: 'Start the survey' })).toBeInTheDocument();
    expect(storage.getItem(LANGUAGE_CHOICE_KEY)).toBeNull();
  });

  it.each(['klingon', 'NN', '', 'nn-NO'])(
    'ignores a stored value that is not a language (%j)',
    async (bad) => {
      storage.setItem(LANGUAGE_CHOICE_KEY, bad);
      await renderApp({ languageStorage: storage, round: roundFixture({ defaultLanguage: 'en' }) });

      expect(await screen.findByRole('button', { name: 'Start the survey' })).toBeInTheDocument();
      expect(button('English')).toHaveAttribute('aria-pressed', 'true');
    },
  );

  it('is forgotten with the rest of the person at "Ferdig", so the next person gets the round’s default', async () => {
    storage.setItem(LANGUAGE_CHOICE_KEY, 'nn');
    await startDraft(roundFixture().round, 'nn');
    for (const statement of DEFAULT_QUESTIONNAIRE.statements) await saveAnswer(statement.id, 3);
    const { user } = await renderApp({ languageStorage: storage, path: '/oversikt' });
    await user.click(await screen.findByRole('button', { name: 'Send svaret' }));
    await user.click(await screen.findByRole('button', { name: 'Ferdig' }));

    expect(await screen.findByRole('button', { name: 'Start undersøkelsen' })).toBeInTheDocument();
    expect(button('Bokmål')).toHaveAttribute('aria-pressed', 'true');
    expect(storage.getItem(LANGUAGE_CHOICE_KEY)).toBeNull();
  });
});

function Probe({ municipality }: { municipality: 'nb' | 'nn' }) {
  const { language, preferLanguage } = useLanguage();
  return (
    <button type="button" onClick={() => preferLanguage(municipality)}>
      {language}
    </button>
  );
}

describe("the municipality's language on a report", () => {
  it('applies where nothing was picked, and gives way to a remembered pick', async () => {
    const i18n = await createI18n('nb');
    const user = userEvent.setup();
    const view = render(
      <I18nextProvider i18n={i18n}>
        <LanguageProvider i18n={i18n} storage={storage}>
          <Probe municipality="nn" />
        </LanguageProvider>
      </I18nextProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'nb' }));
    expect(await screen.findByRole('button', { name: 'nn' })).toBeInTheDocument();
    expect(storage.getItem(LANGUAGE_CHOICE_KEY)).toBeNull();
    view.unmount();

    storage.setItem(LANGUAGE_CHOICE_KEY, 'en');
    const again = await createI18n('nb');
    render(
      <I18nextProvider i18n={again}>
        <LanguageProvider i18n={again} storage={storage}>
          <Probe municipality="nn" />
        </LanguageProvider>
      </I18nextProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'en' }));
    await waitFor(() => expect(again.language).toBe('en'));
    expect(screen.getByRole('button', { name: 'en' })).toBeInTheDocument();
  });
});
