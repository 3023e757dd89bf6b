// Waits for the lazily loaded `admin` texts before showing a staff screen, then moves focus to the
// screen's heading once: Layout does that on every path change, but on the first visit the h1
// arrives only after this chunk and its texts have loaded. The page the browser opened keeps focus
// at the top, as every other screen does.
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

export function LazyTexts({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { ready } = useTranslation('admin');
  const location = useLocation();
  const isFocusSettled = useRef(location.key === 'default');

  useEffect(() => {
    if (!ready || isFocusSettled.current || document.activeElement !== document.body) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
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
