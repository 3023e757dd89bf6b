// The fields every new staff account needs, shared by the admin's "new account" form and the
// first-admin setup link: username, name, password and its repetition, with their errors.
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../shared/api/staff';
import { TextField } from '../ui/TextField';
import type { AccountFieldErrors, NewAccountForm } from './validate-account';

interface Props {
  /** Prefix of the field ids; validation focuses `${idPrefix}-${field}`. */
  idPrefix: string;
  form: NewAccountForm;
  errors: AccountFieldErrors;
  onChange: (field: keyof NewAccountForm, value: string) => void;
  /** The person types their own credentials (setup) rather than an admin creating someone's. */
  isOwnAccount: boolean;
}

export function NewAccountFields({ idPrefix, form, errors, onChange, isOwnAccount }: Props) {
  const { t } = useTranslation('admin');
  const change = (field: keyof NewAccountForm) => (event: { target: { value: string } }) =>
    onChange(field, event.target.value);
  return (
    <>
      <TextField
        id={`${idPrefix}-username`}
        label={t('account.username')}
        hint={t('account.usernameHint')}
        error={errors.username}
        autoComplete={isOwnAccount ? 'username' : 'off'}
        autoCapitalize="none"
        spellCheck={false}
        pattern={USERNAME_PATTERN}
        value={form.username}
        onChange={change('username')}
      />
      <TextField
        id={`${idPrefix}-displayName`}
        label={t('account.displayName')}
        error={errors.displayName}
        autoComplete={isOwnAccount ? 'name' : 'off'}
        value={form.displayName}
        onChange={change('displayName')}
      />
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={isOwnAccount ? t('account.password') : t('account.startPassword')}
        hint={t('account.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        error={errors.password}
        autoComplete="new-password"
        value={form.password}
        onChange={change('password')}
      />
      <TextField
        id={`${idPrefix}-repeat`}
        type="password"
        label={t('account.repeatPassword')}
        error={errors.repeat}
        autoComplete="new-password"
        value={form.repeat}
        onChange={change('repeat')}
      />
    </>
  );
}
