// One round on the report list: the municipality overview, the person's units in tree order
// (each marked when it has too few answers), and the heat map for those with several units.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportRoundListResponse } from '../../../shared/api/reports';
import { formatDateRange } from '../../ui/format';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { buildTree, flattenTree } from '../../../shared/unit-tree';
import { REPORT_PATHS } from './paths';
import { useLanguage } from '../../i18n/useLanguage';

type Entry = ReportRoundListResponse['rounds'][number];

export function ReportRoundCard({ entry }: { entry: Entry }) {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  const { user } = useSession();
  const { round, units } = entry;
  const root = units.find((u) => u.id === round.rootUnitId);
  const others = units.filter((u) => u.id !== round.rootUnitId);
  // Units whose parent is the round's own unit (or outside the person's scope) start the tree.
  const rows = flattenTree(buildTree(others));
  const titleId = `report-round-${round.id}`;

  return (
    <li className="round-card report-round" aria-labelledby={titleId}>
      <div className="round-card__head">
        <h2 id={titleId}>{round.name}</h2>
        {round.status === 'closed' && <span className="admin-status">{t('list.notPublished')}</span>}
      </div>
      <p className="admin-summary">{formatDateRange(round.opensOn, round.closesOn, lng)}</p>
      {round.status === 'closed' && <p className="admin-table__small">{t('list.notPublishedHint')}</p>}
      {root && (
        <p className="report-round__municipality">
          <Link to={REPORT_PATHS.report(round.id, root.id)}>
            {t('list.municipalityLink', { name: root.name })}
          </Link>
          {root.suppressed && <span className="unit-tag unit-tag--strong">{t('list.tooFew')}</span>}
        </p>
      )}
      {rows.length > 0 && (
        <>
          <h3 className="report-round__units-title">
            {isAdmin(user) ? t('list.unitsAll') : t('list.units')}
          </h3>
          <ul className="report-units">
            {rows.map(({ item, depth }) => (
              <li key={item.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
                <Link to={REPORT_PATHS.report(round.id, item.id)}>{item.name}</Link>
                {item.suppressed && <span className="unit-tag unit-tag--strong">{t('list.tooFew')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {(isAdmin(user) || others.length >= 2) && (
        <p>
          <Link to={REPORT_PATHS.heatmap(round.id)}>{t('list.heatmap')}</Link>
        </p>
      )}
    </li>
  );
}
