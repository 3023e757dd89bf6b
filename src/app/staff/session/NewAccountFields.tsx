// The fields every new staff account needs, shared by the admin's "new account" form and the
// first-admin setup link: username, name, password and its repetition, with their errors. The
// password pair alone is also the new-password link's form (./PasswordResetScreen.tsx).
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../shared/api/staff';
import { TextField } from '../ui/TextField';
import type { AccountFieldErrors, NewAccountForm, NewPasswordForm } from './validate-account';

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
      <NewPasswordFields
        idPrefix={idPrefix}
        form={form}
        errors={errors}
        onChange={onChange}
        label={isOwnAccount ? t('account.password') : t('account.startPassword')}
      />
    </>
  );
}

/** A new password and its repetition, with their errors: `${idPrefix}-password`, `${idPrefix}-repeat`. */
export function NewPasswordFields({
  idPrefix,
  form,
  errors,
  onChange,
  label,
}: {
  idPrefix: string;
  form: NewPasswordForm;
  errors: Pick<AccountFieldErrors, 'password' | 'repeat'>;
  onChange: (field: keyof NewPasswordForm, value: string) => void;
  label: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={label}
        hint={t('account.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        error={errors.password}
        autoComplete="new-password"
        value={form.password}
        onChange={(event) => onChange('password', event.target.value)}
      />
      <TextField
        id={`${idPrefix}-repeat`}
        type="password"
        label={t('account.repeatPassword')}
        error={errors.repeat}
        autoComplete="new-password"
        value={form.repeat}
        onChange={(event) => onChange('repeat', event.target.value)}
      />
    </>
  );
}
