// Shared test setup: an in-memory IndexedDB for every test, DOM cleanup for component tests.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  // toBeInTheDocument, toHaveFocus, toHaveAccessibleName…: assertions that say what they check.
  await import('@testing-library/jest-dom/vitest');
  // CI has two cores shared with a database and a browser: give findBy* room before failing.
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5000 });
}

afterEach(async () => {
  if (typeof document !== 'undefined') {
    // toBeInTheDocument, toHaveFocus, toHaveAccessibleName…: assertions that say what they check.
    await import('@testing-library/jest-dom/vitest');
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});

// jsdom has no CSS.escape; user-event needs it to move between radio buttons with arrow keys.
if (typeof window !== 'undefined' && typeof window.CSS?.escape !== 'function') {
  const escape = (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`);
  Object.defineProperty(window, 'CSS', { value: { ...window.CSS, escape }, configurable: true });
}
