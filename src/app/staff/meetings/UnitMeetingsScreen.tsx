// /admin/moter/runde/:roundId/enhet/:unitId — the unit's meetings in a round: each with its
// template, state and approved summary (the unit's union and safety reps read these too), and for
// the leader the form that starts a new one. The unit's report gives the name and the
// municipality's language, which a new meeting follows unless the leader picks another.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../ui/format';
import { meetingsApi } from '../api/meetings';
import { reportsApi } from '../api/reports';
import { hasRole } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { useStaffQuery } from '../ui/useStaffQuery';
import { MeetingApiError } from './MeetingApiError';
import { MEETING_PATHS } from './paths';
import { StartMeetingForm } from './StartMeetingForm';

export function UnitMeetingsScreen() {
  const { t } = useTranslation('presenter');
  const { language } = useLanguage();
  const { roundId = '', unitId = '' } = useParams();
  const { user } = useSession();
  const key = `${roundId}/${unitId}`;
  const report = useStaffQuery((request) => reportsApi(request).unitReport(roundId, unitId), `report:${key}`);
  const list = useStaffQuery((request) => meetingsApi(request).list(roundId, unitId), `meetings:${key}`);
  const mayLead = hasRole(user, 'leader', 'admin');
  const unitName = report.data?.unit.name;
  const meetings = list.data?.meetings ?? [];

  return (
    <div className="screen admin-screen meetings">
      <p>
        <Link to={MEETING_PATHS.report(roundId, unitId)}>{t('unit.back')}</Link>
      </p>
      <h1>{unitName ? t('unit.title', { unit: unitName }) : t('unit.titleNoName')}</h1>
      <p>{t('unit.intro')}</p>
      <section className="admin-section" aria-labelledby="meetings-list-title">
        <h2 id="meetings-list-title">{t('unit.listTitle')}</h2>
        <MeetingApiError error={list.error} />
        {list.isLoading && <p role="status">{t('common.loading')}</p>}
        {list.data && meetings.length === 0 && <p>{t('unit.none')}</p>}
        {meetings.length > 0 && (
          <ul className="meetings-list">
            {meetings.map((m) => (
              <li key={m.meetingId}>
                <h3 id={`meeting-${m.meetingId}`}>
                  {t(`template.${m.template}`)},{' '}
                  {formatDateTime(new Date(m.createdAt), language, (time) => t('common.at', { time }))}
                </h3>
                <p>{t(`state.${m.state}`)}</p>
                {m.summary ? (
                  <blockquote className="meetings-list__summary">
                    <p>{m.summary}</p>
                  </blockquote>
                ) : (
                  <p className="hint">{t('unit.noSummary')}</p>
                )}
                {mayLead && m.state === 'open' && (
                  <Link
                    className="button button--secondary"
                    to={MEETING_PATHS.presenter(m.meetingId)}
                    aria-describedby={`meeting-${m.meetingId}`}
                  >
                    {t('unit.open')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayLead && (
        <section className="admin-section" aria-labelledby="meetings-start-title">
          <h2 id="meetings-start-title">{t('start.title')}</h2>
          <StartMeetingForm
            roundId={roundId}
            unitId={unitId}
            municipalityLanguage={report.data?.municipality.language}
          />
        </section>
      )}
    </div>
  );
}
