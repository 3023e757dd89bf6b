// Keyboard-only helpers for the follow-up tests: Tab until an element has focus (as a person
// would), then act on it with keys.
import { expect } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';

/** Presses Tab (Shift+Tab with `back`) until `element` has focus; fails after 300 presses. */
export async function tabTo(user: UserEvent, element: HTMLElement, back = false): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (document.activeElement === element) return;
    await user.tab({ shift: back });
  }
  expect.fail(`Tab never reached ${element.outerHTML.slice(0, 120)}`);
}

/** Tabs to a button or link and presses Enter. */
export async function press(user: UserEvent, element: HTMLElement): Promise<void> {
  await tabTo(user, element);
  await user.keyboard('{Enter}');
}

/** Tabs to a field and types into it. */
export async function typeInto(user: UserEvent, element: HTMLElement, text: string): Promise<void> {
  await tabTo(user, element);
  await user.keyboard(text);
}
