// Regulator accounts (the people who may book for patients), pushed to publishers as RDV V1 Practitioner resources.
import { z } from 'zod';
import type { NationalId } from '../../shared/domain/identifiers';
import { instantColumn, optionalTextColumn } from './row-values';
import type { SqlExecutor } from './sql-database';

export interface RegulatorAccount {
  /** IDNPS: `8`+RPPS, or another form (`3`+FINESS+`/`+local id) for regulators without RPPS. */
  nationalId: NationalId;
  familyName: string;
  givenName?: string;
  email?: string;
  /** False once access is withdrawn (V1 `active` = false). */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const regulatorAccountInputSchema = z.object({
  nationalId: z.string().trim().min(1).max(64),
  familyName: z.string().trim().min(1).max(200),
  givenName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  active: z.boolean(),
});
export type RegulatorAccountInput = z.input<typeof regulatorAccountInputSchema>;

const rowSchema = z
  .object({
    national_id: z.string(),
    family_name: z.string(),
    given_name: optionalTextColumn,
    email: optionalTextColumn,
    active: z.boolean(),
    created_at: instantColumn,
    updated_at: instantColumn,
    inserted: z.boolean().optional(),
  })
  .transform(
    (row): RegulatorAccount => ({
      nationalId: row.national_id,
      familyName: row.family_name,
      ...(row.given_name !== undefined ? { givenName: row.given_name } : {}),
      ...(row.email !== undefined ? { email: row.email } : {}),
      active: row.active,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }),
  );

const COLUMNS = 'national_id, family_name, given_name, email, active, created_at, updated_at';

export interface RegulatorAccountRepository {
  /** Creates or updates the account of this national id; says which. */
  upsert(input: RegulatorAccountInput): Promise<{ created: boolean; account: RegulatorAccount }>;
  get(nationalId: NationalId): Promise<RegulatorAccount | undefined>;
  /** Ordered by family then given name. */
  list(filter?: { active?: boolean }): Promise<RegulatorAccount[]>;
  /** Withdraws or restores access; undefined when there is no such account. */
  setActive(nationalId: NationalId, active: boolean): Promise<RegulatorAccount | undefined>;
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
