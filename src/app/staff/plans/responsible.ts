// Who carries a measure, in words: the staff account's name, or the named role as the leader wrote it.
import { useTranslation } from 'react-i18next';
import type { Responsible } from '../../../shared/api/plans';

export function useResponsibleText(): (responsible: Responsible) => string {
  const { t } = useTranslation('followup');
  return (r) => (r.kind === 'account' ? r.displayName : t('measure.role', { role: r.text }));
}
