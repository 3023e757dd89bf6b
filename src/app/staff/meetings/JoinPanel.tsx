// How phones join, on the room's screen: the QR code (the link /mote#<token>, the token in the
// fragment so it never reaches a server log), and the short code with the address for typing.
// A closed meeting has neither, and says so.
import { useTranslation } from 'react-i18next';
import { meetingJoinAddress, meetingJoinLink } from '../../ui/meeting-paths';
import { QrCode } from '../ui/QrCode';

interface Props {
  code: string | null;
  joinToken: string | null;
  participants: number;
  origin?: string;
}

export function JoinPanel({ code, joinToken, participants, origin = window.location.origin }: Props) {
  const { t } = useTranslation('presenter');
  return (
    <section className="presenter-join" aria-labelledby="presenter-join-title">
      <h2 id="presenter-join-title">{t('join.title')}</h2>
      <p className="presenter-join__count">{t('join.participants', { count: participants })}</p>
      {joinToken && code ? (
        <>
          <p className="presenter-join__address">
            {t('join.address')} <strong>{meetingJoinAddress(origin)}</strong>
          </p>
          <p className="presenter-join__code">
            {t('join.code')} <strong data-testid="meeting-code">{code}</strong>
          </p>
          <p>{t('join.scan')}</p>
          <QrCode
            className="presenter-join__qr"
            value={meetingJoinLink(origin, joinToken)}
            label={t('join.qr')}
          />
          <p className="hint">{t('join.noName')}</p>
        </>
      ) : (
        <p>{t('join.closed')}</p>
      )}
    </section>
  );
}
