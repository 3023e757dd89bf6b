// Renders the whole respondent app the way main.tsx does, with a memory router, a fresh i18n
// instance and a fake server, so component tests drive real screens and a real (fake) IndexedDB.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import { vi } from 'vitest';
import type { CodeCheckResponse } from '../../../src/shared/api/organisation';
import type { CurrentRoundResponse } from '../../../src/shared/api/respondent';
import type { Language } from '../../../src/shared/languages';
import type { LanguageStorage } from '../../../src/app/i18n/language-choice';
import { createI18n } from '../../../src/app/i18n/i18n';
import { Root } from '../../../src/app/Root';
import { roundFixture } from './fixtures';

vi.mock('virtual:pwa-register', () => ({ registerSW: () => () => Promise.resolve() }));

interface Options {
  path?: string;
  /** The history before `path` (oldest first), as a browser would have it. */
  before?: string[];
  round?: CurrentRoundResponse | null;
  language?: Language;
  idleTimeoutSeconds?: number;
  /** What POST /api/v1/codes/check answers; without it the check fails as if offline. */
  codeCheck?: CodeCheckResponse | Record<string, unknown>;
  /** Further answers by path (after /api/v1), given the request's init; anything unanswered fails as if offline. */
  replies?: Record<string, (init?: RequestInit) => Response>;
  /** Where the language pick is remembered; without it nothing is (as on a device that refuses). */
  languageStorage?: LanguageStorage;
}

/** What the router is at, and its navigate: `go(-1)` is the browser's Back button. */
export interface RouterProbe {
  location: Location | undefined;
  go: NavigateFunction;
}

function Probe({ into }: { into: RouterProbe }) {
  into.location = useLocation();
  into.go = useNavigate();
  return null;
}

export async function renderApp({
  path = '/',
  before = [],
  round = roundFixture(),
  language = 'nb',
  idleTimeoutSeconds,
  codeCheck,
  replies = {},
  languageStorage,
}: Options = {}) {
  const i18n = await createI18n(language);
  const fetchImpl = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    const reply = replies[url.replace(/^.*\/api\/v1/, '')];
    if (reply) return Promise.resolve(reply(init));
    if (url.endsWith('/api/v1/codes/check') && codeCheck) {
      return Promise.resolve(new Response(JSON.stringify(codeCheck), { status: 200 }));
    }
    if (url.endsWith('/api/v1/rounds/current')) {
      return Promise.resolve(
        round
          ? new Response(JSON.stringify(round), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            })
          : new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'none' } }), { status: 404 }),
      );
    }
    return Promise.reject(new TypeError('offline'));
  });
  const requestSync = vi.fn();
  const user = userEvent.setup();
  const router: RouterProbe = { location: undefined, go: () => Promise.resolve() };
  const view = render(
    <Root
      i18n={i18n}
      sync={{ requestSync }}
      fetchImpl={fetchImpl as unknown as typeof fetch}
      idleTimeoutSeconds={idleTimeoutSeconds}
      languageStorage={languageStorage}
      router={(children) => (
        <MemoryRouter initialEntries={[...before, path]}>
          <Probe into={router} />
          {children}
        </MemoryRouter>
      )}
    />,
  );
  return { ...view, user, i18n, fetchImpl, requestSync, router };
}
