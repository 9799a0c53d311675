// The backend's view of regulator accounts, as the identity provider needs it. The storage helper builds the real
// repository (backend/storage); this interface is all identity depends on.
import type { NationalId } from '../../shared/domain/identifiers';
import type { RegulatorAccount } from '../../shared/domain/regulator';

export type { RegulatorAccount };

export interface RegulatorAccounts {
  findByNationalId(nationalId: NationalId): Promise<RegulatorAccount | undefined> | RegulatorAccount | undefined;
}

/**
 * Accounts held in an array: for tests and for the training environment until the storage repository is wired.
 * The array is read on every call, so a test can flip `active` and see the effect at once.
 */
export function arrayRegulatorAccounts(accounts: RegulatorAccount[]): RegulatorAccounts {
  return {
    findByNationalId(nationalId) {
      return accounts.find((a) => a.nationalId === nationalId);
    },
  };
}
