// /admin/kontoer — staff accounts and their roles: admin (the whole municipality), leader, union
// rep and safety rep (each on one or more units, covering the units below). No change may leave
// the municipality without an admin; the server refuses it with LAST_ADMIN.
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../api/accounts';
import { ApiError } from '../ui/ApiError';
import { CreateSection } from '../ui/CreateSection';
import { useUnits } from '../ui/useOrganisation';
import { useStaffQuery } from '../ui/useStaffQuery';
import { AccountForm } from './AccountForm';
import { AccountRow } from './AccountRow';
import { TableWrap } from '../ui/TableWrap';

export function AccountsScreen() {
  const { t } = useTranslation('admin');
  const accounts = useStaffQuery((request) => accountsApi(request).list(), 'accounts');
  const units = useUnits();
  const unitList = units.data?.units ?? [];

  return (
    <div className="screen admin-screen">
      <h1>{t('accounts.title')}</h1>
      <p>{t('accounts.intro')}</p>
      <ApiError error={accounts.error ?? units.error} />
      {accounts.isLoading && <p role="status">{t('common.loading')}</p>}
      {accounts.data && (
        <TableWrap label={t('accounts.tableCaption')}>
          <table className="admin-table">
            <caption className="visually-hidden">{t('accounts.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.displayName')}</th>
                <th scope="col">{t('account.username')}</th>
                <th scope="col">{t('accounts.roles')}</th>
                <th scope="col">{t('accounts.created')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((account) => (
                <AccountRow key={account.id} account={account} units={unitList} onChanged={accounts.reload} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <section aria-labelledby="account-new-title" className="admin-section">
        <h2 id="account-new-title">{t('accounts.newTitle')}</h2>
        <CreateSection openLabel={t('accounts.create')}>
          {(done) => (
            <AccountForm
              units={unitList}
              onDone={(saved) => {
                if (saved) accounts.reload();
                done(saved ? t('accounts.createdMessage') : undefined);
              }}
            />
          )}
        </CreateSection>
      </section>
    </div>
  );
}
