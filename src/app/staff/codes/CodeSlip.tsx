// One paper slip: the code large and in monospace, a QR code of its link, and how to answer, in
// the round's language (the municipality's, by default), whatever language the screen is in.
import { useTranslation } from 'react-i18next';
import type { AdminRound } from '../../../shared/api/organisation';
import { formatDate } from '../../ui/format';
import { QrCode } from '../ui/QrCode';
import { codeLink } from './codes-csv';

export function CodeSlip({ code, round }: { code: string; round: AdminRound }) {
  const lng = round.defaultLanguage;
  const { t } = useTranslation('admin', { lng });
  const link = codeLink(window.location.origin, code);
  return (
    <li className="code-slip" lang={lng}>
      <p className="code-slip__round">{round.name}</p>
      <p className="code-slip__label">{t('slip.codeLabel')}</p>
      <p className="code-slip__code">{code}</p>
      <QrCode value={link} label={t('slip.qrLabel')} className="code-slip__qr" />
      <div className="code-slip__text">
        <p>{t('slip.how', { site: window.location.host })}</p>
        <p>{t('slip.until', { date: formatDate(round.closesOn, lng) })}</p>
        <p>{t('slip.anonymous')}</p>
      </div>
    </li>
  );
}
