// A vote option's name: a factor's in the screen's language, else the server's label (a measure
// contribution's text).
import { useTranslation } from 'react-i18next';
import { isFactorId } from '../../../shared/factors';

export function useOptionLabel() {
  const { t } = useTranslation('factors');
  return (option: { id: string; label: string }) =>
    isFactorId(option.id) ? t(`factor.${option.id}.name`) : option.label;
}
