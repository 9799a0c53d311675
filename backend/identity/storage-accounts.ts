// Regulator accounts as the identity provider reads them, from storage (looked up at each login and API call, so a
// withdrawn account stops working at once).
import type { Storage } from '../storage/index';
import type { RegulatorAccounts } from './regulator-accounts';

export function storageAccounts(storage: Pick<Storage, 'regulators'>): RegulatorAccounts {
  return {
    async findByNationalId(nationalId) {
      const account = await storage.regulators.get(nationalId);
      return (
        account && {
          nationalId: account.nationalId,
          familyName: account.familyName,
          givenName: account.givenName,
          email: account.email,
          active: account.active,
        }
      );
    },
  };
}
