// An average (or a change) as text, or the reason it is missing.
import { formatChange, formatDecimal } from '../../ui/format';
import { MissingFigure, type MissingReason } from './MissingFigure';
import { useLanguage } from '../../i18n/useLanguage';

interface Props {
  value: number | null | undefined;
  missing: MissingReason;
  /** A change between rounds: "+0,2" / "−0,1". */
  isChange?: boolean;
}

export function Figure({ value, missing, isChange }: Props) {
  const { language: lng } = useLanguage();
  if (value === null || value === undefined) return <MissingFigure reason={missing} />;
  return <>{isChange ? formatChange(value, lng) : formatDecimal(value, lng)}</>;
}
