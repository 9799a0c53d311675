// Regulator accounts (the people who may book for patients), pushed to publishers as RDV V1 Practitioner resources.
import { z } from 'zod';
import type { NationalId } from '../../shared/domain/identifiers';
import { type RegulatorAccount, regulatorAccountSchema } from '../../shared/domain/regulator';
import { instantColumn, optionalTextColumn } from './row-values';
import type { SqlExecutor } from './sql-database';

/** A regulator account as storage keeps it: the account, and when it was created and last changed. */
interface StoredRegulatorAccount extends RegulatorAccount {
  /** SAS technical id (UUID, urn:oid:1.2.250.1.213.3.6 type INTRN), given by storage at creation. */
  technicalId: string;
  createdAt: string;
  updatedAt: string;
}

/** What enters through the admin CLI and the configuration file. */
const regulatorAccountInputSchema = regulatorAccountSchema;
type RegulatorAccountInput = z.input<typeof regulatorAccountInputSchema>;

const rowSchema = z
  .object({
    national_id: z.string(),
    family_name: z.string(),
    given_name: optionalTextColumn,
    email: optionalTextColumn,
    active: z.boolean(),
    technical_id: z.string(),
    created_at: instantColumn,
    updated_at: instantColumn,
    inserted: z.boolean().optional(),
  })
  .transform((row): StoredRegulatorAccount => ({
    nationalId: row.national_id,
    familyName: row.family_name,
    ...(row.given_name !== undefined ? { givenName: row.given_name } : {}),
    ...(row.email !== undefined ? { email: row.email } : {}),
    active: row.active,
    technicalId: row.technical_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

const COLUMNS =
  'national_id, family_name, given_name, email, active, technical_id::text AS technical_id, created_at, updated_at';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface RegulatorAccountRepository {
  /** Creates or updates the account of this national id; says which. */
  upsert(input: RegulatorAccountInput): Promise<{ created: boolean; account: StoredRegulatorAccount }>;
  get(nationalId: NationalId): Promise<StoredRegulatorAccount | undefined>;
  /** The account a SAS technical id (UUID) stands for. */
  getByTechnicalId(technicalId: string): Promise<StoredRegulatorAccount | undefined>;
  /** Ordered by family then given name. */
  list(filter?: { active?: boolean }): Promise<StoredRegulatorAccount[]>;
  /** Withdraws or restores access; undefined when there is no such account. */
  setActive(nationalId: NationalId, active: boolean): Promise<StoredRegulatorAccount | undefined>;
}

export function createRegulatorAccountRepository(db: SqlExecutor): RegulatorAccountRepository {
  return {
    async upsert(input) {
      const account = regulatorAccountInputSchema.parse(input);
      const result = await db.query(
        `INSERT INTO regulator_accounts (national_id, family_name, given_name, email, active)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (national_id) DO UPDATE SET
           family_name = EXCLUDED.family_name,
           given_name = EXCLUDED.given_name,
           email = EXCLUDED.email,
           active = EXCLUDED.active,
           updated_at = now()
         RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
        [account.nationalId, account.familyName, account.givenName ?? null, account.email ?? null, account.active],
      );
      const row = result.rows[0] as { inserted?: unknown } | undefined;
      return { created: row?.inserted === true, account: rowSchema.parse(row) };
    },
    async get(nationalId) {
      const result = await db.query(`SELECT ${COLUMNS} FROM regulator_accounts WHERE national_id = $1`, [nationalId]);
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
    async getByTechnicalId(technicalId) {
      if (!UUID.test(technicalId)) return undefined;
      const result = await db.query(`SELECT ${COLUMNS} FROM regulator_accounts WHERE technical_id = $1::uuid`, [
        technicalId.toLowerCase(),
      ]);
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
    async list(filter = {}) {
      const result =
        filter.active === undefined
          ? await db.query(`SELECT ${COLUMNS} FROM regulator_accounts ORDER BY family_name, given_name, national_id`)
          : await db.query(
              `SELECT ${COLUMNS} FROM regulator_accounts WHERE active = $1
               ORDER BY family_name, given_name, national_id`,
              [filter.active],
            );
      return result.rows.map((row) => rowSchema.parse(row));
    },
    async setActive(nationalId, active) {
      const result = await db.query(
        `UPDATE regulator_accounts SET active = $2, updated_at = now() WHERE national_id = $1 RETURNING ${COLUMNS}`,
        [nationalId, active],
      );
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
  };
}
