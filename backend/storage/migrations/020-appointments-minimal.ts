// The platform keeps of a reported appointment only what the console shows: the publisher's raw resource (which may
// carry patient references, comments…) is dropped. And appointments the console did not start are flagged.
import type { Migration } from './migration';

export const migration020AppointmentsMinimal: Migration = {
  version: 20,
  name: 'rendez-vous : plus de ressource brute, indicateur « non initié depuis la console »',
  statements: [
    `ALTER TABLE appointments DROP COLUMN raw`,
    `ALTER TABLE appointments ADD COLUMN not_initiated boolean NOT NULL DEFAULT false`,
  ],
};
