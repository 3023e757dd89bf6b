// Only bokmål (the language every other one falls back to) is in the respondent's first load:
// nynorsk and English arrive from their own chunks when the person switches, or before the first
// screen on a device that remembers that pick; the texts of the steps after the start screen come
// right after the first render; and every text of every language can be reached.
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { preloadSurveySteps } from '../../../src/app/App';
import { createI18n } from '../../../src/app/i18n/i18n';
import { bundledResources, loadLazyNamespace } from '../../../src/app/i18n/resources';
import { LANGUAGES } from '../../../src/shared/languages';
import { flatten, namespaces, readFlat } from '../../support/locales';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

beforeEach(() => {
  resetOfflineDb();
  window.localStorage.clear();
});

describe('the texts of a language the person is not using', () => {
  it('are not there until the switch, and arrive with it', async () => {
    const { i18n, user } = await renderApp({ language: 'nb' });
    await screen.findByRole('button', { name: 'Start undersøkelsen' });
    expect(i18n.hasResourceBundle('nn', 'survey')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Nynorsk' }));
    expect(await screen.findByRole('button', { name: 'Start undersøkinga' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Les om dei ti faktorane' })).toBeInTheDocument();
    expect(i18n.hasResourceBundle('nn', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Start the survey' })).toBeInTheDocument();
  });

  it('are loaded before the first screen when the device starts in that language', async () => {
    const i18n = await createI18n('en');

    expect(i18n.hasResourceBundle('en', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'survey')).toBe(true);
    expect(i18n.t('survey:start.begin')).toBe('Start the survey');
  });
});

describe("the texts of the survey's steps after the start screen", () => {
  it('are not in the first load, and come with the steps right after the first render', async () => {
    const i18n = await createI18n('nb');
    expect(i18n.hasResourceBundle('nb', 'steps')).toBe(false);

    preloadSurveySteps(i18n);
    await waitFor(() => expect(i18n.hasResourceBundle('nb', 'steps')).toBe(true));
    expect(i18n.t('steps:intro.title')).toBe('Før du begynner');
  });
});

describe('every namespace of every language', () => {
  const cases = LANGUAGES.flatMap((lng) => namespaces().map((ns) => [lng, ns] as const));

  it.each(cases)('%s/%s is bundled or has a lazy chunk, with all its keys', async (lng, ns) => {
    const bundled = (bundledResources() as Record<string, Record<string, unknown> | undefined>)[lng]?.[ns];
    const texts = bundled ?? (await loadLazyNamespace(lng, ns));

    expect(texts, `${lng}/${ns}`).toBeDefined();
    expect([...flatten(texts).keys()].sort()).toEqual([...readFlat(lng, ns).keys()].sort());
  });

  it('bundles bokmål only, and no instance adds to what the next one starts with', async () => {
    const first = await createI18n('nn');
    expect(first.hasResourceBundle('nn', 'common')).toBe(true);
    const second = await createI18n('nb');

    expect(Object.keys(bundledResources())).toEqual(['nb']);
    expect(second.hasResourceBundle('nn', 'common')).toBe(false);
  });
});
