// Renders one meeting component with a real i18n instance and the meeting texts loaded.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../../src/app/i18n/i18n';
import type { Language } from '../../../../src/shared/languages';

export async function renderMeeting(ui: ReactElement, language: Language = 'nb') {
  const i18n = await createI18n(language);
  await i18n.loadNamespaces('meeting');
  const wrap = (child: ReactElement) => <I18nextProvider i18n={i18n}>{child}</I18nextProvider>;
  const result = render(wrap(ui));
  return { ...result, rerender: (next: ReactElement) => result.rerender(wrap(next)) };
}
