// The backend's view of regulator accounts, as the identity provider needs it. The storage helper builds the real
// repository (backend/storage); this interface is all identity depends on.
import type { NationalId } from '../../shared/domain/identifiers';

export interface RegulatorAccount {
  /** IDNPS as PSC gives it in `SubjectNameID` (e.g. `810002673899`; never assume the `8` prefix). */
  nationalId: NationalId;
  familyName: string;
  givenName?: string;
  email?: string;
  /** `false` when access was withdrawn: login is refused and issued tokens stop being accepted. */
  active: boolean;
}

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
