// The frame of every screen, respondent and staff: skip link, header with the language switch,
// the storage alarm, focus moved to the new screen's heading so screen readers follow the flow,
// and the footer's link to the accessibility statement (required on every page).
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import { useLanguage } from '../i18n/useLanguage';
import { ACCESSIBILITY_PATH } from './accessibility-paths';
import { LanguageSwitcher } from './LanguageSwitcher';
import { StorageBanner } from './StorageBanner';

interface Props {
  children: ReactNode;
  /** Default: the person's pick, remembered. The survey also writes it to the draft. */
  onLanguageChange?: (language: Language) => void | Promise<void>;
}

export function Layout({ children, onLanguageChange }: Props) {
  const { t } = useTranslation();
  const { choose } = useLanguage();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-header__name">{t('app.name')}</span>
        <LanguageSwitcher onChange={onLanguageChange ?? choose} />
      </header>
      <StorageBanner />
      <main id="main" ref={mainRef} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <Link to={ACCESSIBILITY_PATH}>{t('app.accessibility')}</Link>
      </footer>
    </>
  );
}
