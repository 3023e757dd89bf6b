// Waits for lazily loaded i18n namespaces before showing a lazy feature's screens, then moves
// focus to the screen's heading once: Layout does that on every path change, but on the first
// visit the h1 arrives only after the chunk and its texts have loaded. The page the browser
// opened keeps focus at the top, as every other screen does.
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LazyNamespace } from '../i18n/resources';

interface Props {
  namespaces: readonly LazyNamespace[];
  children: ReactNode;
}

export function LazyTexts({ namespaces, children }: Props) {
  const { t } = useTranslation();
  const { ready } = useTranslation([...namespaces]);
  const location = useLocation();
  // True once focus needs no help: from the start if the browser opened the app right here.
  const isFocusSettled = useRef(location.key === 'default');

  useEffect(() => {
    // Focus still on the page, or on the link just followed (a menu entry): the person has not
    // moved on to anything else while the texts loaded.
    const active = document.activeElement;
    if (!ready || isFocusSettled.current) return;
    if (active !== document.body && !(active instanceof HTMLAnchorElement)) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    // Only when the texts arrive, not on every later move (Layout handles those).
    isFocusSettled.current = true;
  }, [ready]);

  if (!ready) {
    return (
      <div className="screen">
        <p role="status">{t('app.loading')}</p>
      </div>
    );
  }
  return children;
}
