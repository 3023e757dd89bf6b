// The statement's text: the WCAG 2.1 AA aim and how it is checked, what is known not to be fully
// met, how to report a problem (to the municipality, through its uustatus.no statement when it has
// one) and where to complain (uutilsynet.no), and when it was last reviewed. The text is the
// product's own and the same everywhere; only the municipality's name and link come from the server.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDate } from '../../ui/format';
import { useStatementInfo } from './useStatementInfo';

/** The day this statement's text was last checked against the product. */
export const STATEMENT_REVIEWED_ON = '2026-12-03';
const SUPERVISORY_AUTHORITY = 'https://www.uutilsynet.no/';
const CHECKS = ['checkAxe', 'checkKeyboard', 'checkFocus', 'checkSpacing', 'checkPhone'] as const;
const KNOWN = ['knownHyphens', 'knownPresenter'] as const;

export function AccessibilityScreen({ fetchImpl }: { fetchImpl?: typeof fetch | undefined }) {
  const { t } = useTranslation('accessibility');
  const { language } = useLanguage();
  const { municipalityName: municipality, statementUrl } = useStatementInfo(fetchImpl);
  return (
    <div className="screen accessibility-statement">
      <h1>{t('statement.title')}</h1>
      <p>{municipality ? t('statement.introMunicipality', { municipality }) : t('statement.introGeneric')}</p>
      {statementUrl && (
        <p>
          <a href={statementUrl}>
            {municipality
              ? t('statement.statementLinkNamed', { municipality })
              : t('statement.statementLink')}
          </a>
        </p>
      )}

      <h2>{t('statement.statusHeading')}</h2>
      <p>{t('statement.status')}</p>

      <h2>{t('statement.checksHeading')}</h2>
      <p>{t('statement.checksIntro')}</p>
      <ul>
        {CHECKS.map((key) => (
          <li key={key}>{t(`statement.${key}`)}</li>
        ))}
      </ul>
      <p>{t('statement.checksLimit')}</p>

      <h2>{t('statement.knownHeading')}</h2>
      <ul>
        {KNOWN.map((key) => (
          <li key={key}>{t(`statement.${key}`)}</li>
        ))}
      </ul>

      <h2>{t('statement.reportHeading')}</h2>
      <p>
        {statementUrl && municipality
          ? t('statement.reportWithStatement', { municipality })
          : t('statement.reportWithoutStatement')}
      </p>
      <p>{t('statement.complaint')}</p>
      <p>
        <a href={SUPERVISORY_AUTHORITY}>{t('statement.complaintLink')}</a>
      </p>

      <p>{t('statement.reviewed', { date: formatDate(STATEMENT_REVIEWED_ON, language) })}</p>
    </div>
  );
}
