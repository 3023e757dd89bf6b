import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskEnrolmentResponse } from '../../../shared/api/organisation';
import { formatDateTime } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { QrCode } from '../ui/QrCode';

export function EnrolmentCode({
  enrolment,
  unitName,
}: {
  enrolment: KioskEnrolmentResponse;
  unitName: string;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const lng = normaliseLanguage(i18n.language);
  const ref = useRef<HTMLDivElement>(null);
  const link = new URL(enrolment.url, window.location.origin).href;
  const expires = formatDateTime(new Date(enrolment.expiresAt), lng, (time) => tc('date.at', { time }));

  // The person pressed a button above: bring them to what it made.
  useEffect(() => ref.current?.focus(), [enrolment.token]);

  return (
    <div ref={ref} tabIndex={-1} className="enrolment" aria-labelledby="enrolment-title">
      <h3 id="enrolment-title">{t('kiosks.qrTitle', { unit: unitName })}</h3>
      <QrCode value={link} label={t('kiosks.qrLabel', { unit: unitName })} className="enrolment__qr" />
      <p>{t('kiosks.qrHow')}</p>
      {/* Text, not a link: a click here would enrol this computer and use up the one-time link. */}
      <p className="enrolment__link">
        <code>{link}</code>
      </p>
      <p className="hint">{t('kiosks.qrExpires', { when: expires })}</p>
    </div>
  );
}
