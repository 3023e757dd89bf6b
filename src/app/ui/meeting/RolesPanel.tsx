// The roles of each group and the rule that picks who takes which, with what the role does.
// The plenum lead is always the meeting leader and is shown once, above the groups.
import './meeting.css';
import { useTranslation } from 'react-i18next';
import { GROUP_ROLES, type RoleDraw } from './roles';

export function RolesPanel({ draws }: { draws: readonly RoleDraw[] }) {
  const { t } = useTranslation('meeting');
  return (
    <section className="meeting-roles" aria-labelledby="meeting-roles-lead">
      <p id="meeting-roles-lead" className="meeting-roles__lead">
        <strong>{t('roles.plenumLeader')}</strong> {t('roles.plenumLeaderHelp')}
      </p>
      {draws.map((draw, index) => (
        <div key={index} className="meeting-roles__group">
          <h3>{t('roles.heading', { group: index + 1 })}</h3>
          <dl>
            {GROUP_ROLES.map((role) => (
              <div key={role}>
                <dt>{t(`roles.${role}`)}</dt>
                <dd>
                  {t('roles.ruleIntro')} {t(`roles.rule.${draw[role]}`)}. {t(`roles.${role}Help`)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
