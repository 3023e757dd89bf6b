// Checks a new account in the browser with the server's own rules (src/shared/api/staff.ts), so a
// person sees every problem at once, next to its field, before anything is sent.
import type { TFunction } from 'i18next';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../shared/api/staff';

export interface NewAccountForm {
  username: string;
  displayName: string;
  password: string;
  repeat: string;
}

export type AccountFieldErrors = Partial<Record<keyof NewAccountForm, string>>;

const usernamePattern = new RegExp(USERNAME_PATTERN);

export type NewPasswordForm = Pick<NewAccountForm, 'password' | 'repeat'>;

/** A new password and its repetition (a new account's, or one set through a password link). */
export function validateNewPassword(
  form: NewPasswordForm,
  t: TFunction<'admin'>,
): Pick<AccountFieldErrors, 'password' | 'repeat'> {
  if (form.password.length < MIN_PASSWORD_LENGTH || form.password.length > MAX_PASSWORD_LENGTH)
    return { password: t('account.passwordTooShort', { count: MIN_PASSWORD_LENGTH }) };
  return form.password === form.repeat ? {} : { repeat: t('account.passwordMismatch') };
}

export function validateNewAccount(form: NewAccountForm, t: TFunction<'admin'>): AccountFieldErrors {
  const errors: AccountFieldErrors = {};
  if (!usernamePattern.test(form.username.trim())) errors.username = t('account.usernameInvalid');
  if (!form.displayName.trim()) errors.displayName = t('account.displayNameMissing');
  return { ...errors, ...validateNewPassword(form, t) };
}
