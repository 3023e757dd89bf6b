// The two things a focus factor says about itself, asked the same way when it is chosen and when it
// is changed: keep it up or improve it, and why the unit chose it.
import { useTranslation } from 'react-i18next';
import { PLAN_TEXT_LIMITS, type FocusKind } from '../../../shared/api/plans';
import { RadioChoices, TextAreaField } from './fields';

interface Props {
  /** `${idPrefix}-kind` names the radios, `${idPrefix}-why` is the text's id. */
  idPrefix: string;
  kind: FocusKind;
  onKind: (kind: FocusKind) => void;
  why: string;
  onWhy: (why: string) => void;
}

export function FocusFields({ idPrefix, kind, onKind, why, onWhy }: Props) {
  const { t } = useTranslation('followup');
  return (
    <>
      <RadioChoices
        name={`${idPrefix}-kind`}
        legend={t('focus.kind')}
        value={kind}
        onChange={onKind}
        options={[
          { value: 'keep', label: t('kind.keepLong') },
          { value: 'improve', label: t('kind.improveLong') },
        ]}
      />
      <TextAreaField
        id={`${idPrefix}-why`}
        label={t('focus.why')}
        hint={t('focus.whyHint')}
        maxLength={PLAN_TEXT_LIMITS.why}
        value={why}
        onChange={(event) => onWhy(event.target.value)}
      />
    </>
  );
}
