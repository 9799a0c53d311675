// The SAS technical id of a regulator (urn:oid:1.2.250.1.213.3.6, type INTRN, a UUID): publishers may name the
// regulator who booked an appointment by it instead of the IDNPS. Existing accounts get one.
import type { Migration } from './migration';

export const migration021RegulatorTechnicalId: Migration = {
  version: 21,
  name: 'comptes régulateurs : identifiant technique SAS',
  statements: [
    `ALTER TABLE regulator_accounts ADD COLUMN technical_id uuid NOT NULL DEFAULT gen_random_uuid()`,
    `CREATE UNIQUE INDEX regulator_accounts_technical_id_key ON regulator_accounts (technical_id)`,
  ],
};
