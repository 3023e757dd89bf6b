// Renders the whole app (Root, as main.tsx does) at a staff path, with the fake staff API as the
// global fetch: the staff screens call fetch directly, the survey part gets it through Root.
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, vi } from 'vitest';
import type { Language } from '../../../../src/shared/languages';
import { createI18n } from '../../../../src/app/i18n/i18n';
import { Root } from '../../../../src/app/Root';
import { createStaffServer, type StaffServer, type StaffState } from './staff-server';

// Staff screens wait on several fake requests; under a full parallel run 1 s is too tight.
configure({ asyncUtilTimeout: 5000 });

vi.mock('virtual:pwa-register', () => ({ registerSW: () => () => Promise.resolve() }));

let rendered: StaffServer | undefined;

afterEach(() => {
  vi.unstubAllGlobals();
  const drift = rendered?.drifts[0];
  rendered = undefined;
  // A fake reply the server could not give fails the test even when the screen coped with it.
  if (drift) throw drift;
});

interface Options {
  path?: string;
  language?: Language;
  state?: Partial<StaffState>;
  /** Adds per-test answers before the first request goes out. */
  routes?: (server: StaffServer) => void;
}

/** Shows the router's current path in the DOM, so tests can assert redirects. */
function PathProbe() {
  const location = useLocation();
  return (
    <span data-testid="path" hidden>
      {location.pathname}
    </span>
  );
}

export async function renderAdmin({ path = '/admin', language = 'nb', state, routes }: Options = {}) {
  const server = createStaffServer(state);
  rendered = server;
  routes?.(server);
  vi.stubGlobal('fetch', vi.fn(server.fetch));
  const i18n = await createI18n(language);
  const user = userEvent.setup();
  const view = render(
    <Root
      i18n={i18n}
      sync={{ requestSync: vi.fn() }}
      fetchImpl={server.fetch}
      router={(children) => (
        <MemoryRouter initialEntries={[path]}>
          {children}
          <PathProbe />
        </MemoryRouter>
      )}
    />,
  );
  return { ...view, user, i18n, server };
}

export const currentPath = () => screen.getByTestId('path').textContent;

export const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
