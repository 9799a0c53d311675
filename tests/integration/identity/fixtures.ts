// Test fixtures of the identity tests. Training identities are our own small list until the data-set helper's
// resources/training/ file exists; regulator accounts are the array implementation (not the storage repository).
import type { RegulatorAccount } from '@backend/identity/regulator-accounts';
import type { TrainingPscIdentity } from '@backend/training/psc/identities';

export const ALICE: TrainingPscIdentity = {
  nationalId: '810002673899',
  givenName: 'Alice',
  familyName: 'Martin',
  label: 'Régulatrice, SAS 75',
};
export const BRUNO: TrainingPscIdentity = {
  nationalId: '3750000001/REG42',
  givenName: 'Bruno',
  familyName: 'Durand',
  label: 'OSNP, SAS 75',
};
/** Known to PSC, unknown to the SAS backend. */
export const CHLOE: TrainingPscIdentity = { nationalId: '810009999999', givenName: 'Chloé', familyName: 'Petit' };
/** Known to both, access withdrawn at the SAS. */
export const DAVID: TrainingPscIdentity = { nationalId: '810001111111', givenName: 'David', familyName: 'Leroy' };

export const TRAINING_IDENTITIES = [ALICE, BRUNO, CHLOE, DAVID];

export function regulatorAccounts(): RegulatorAccount[] {
  return [
    {
      nationalId: ALICE.nationalId,
      familyName: 'Martin',
      givenName: 'Alice',
      email: 'alice.martin@sas75.test',
      active: true,
    },
    {
      nationalId: BRUNO.nationalId,
      familyName: 'Durand',
      givenName: 'Bruno',
      email: 'bruno.durand@sas75.test',
      active: true,
    },
    {
      nationalId: DAVID.nationalId,
      familyName: 'Leroy',
      givenName: 'David',
      email: 'david.leroy@sas75.test',
      active: false,
    },
  ];
}
