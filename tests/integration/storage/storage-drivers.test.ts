// The same storage suite against every driver: PGlite in memory, PGlite persisted to a folder (and reopened), and a
// real PostgreSQL server (URL from SAS_TEST_PG_URL; `bash scripts/start-test-postgres.sh` starts one).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  agendaSlotToSlot,
  createRepositories,
  MIGRATIONS,
  openDatabase,
  openStorage,
  runMigrations,
  StorageError,
  type DatabaseConfig,
  type Migration,
  type Storage,
} from '@backend/storage/index';

interface DriverCase {
  name: string;
  config(): Promise<DatabaseConfig>;
  /** Whether reopening the same configuration finds the data again. */
  persistent: boolean;
  cleanup(): Promise<void>;
}

const pgliteMemory: DriverCase = {
  name: 'PGlite en mémoire',
  config: async () => ({ driver: 'pglite' }),
  persistent: false,
  cleanup: async () => {},
};

let persistedDir: string | undefined;
const pgliteFolder: DriverCase = {
  name: 'PGlite persisté dans un dossier',
  async config() {
    persistedDir ??= await mkdtemp(join(tmpdir(), 'sas-pglite-'));
    return { driver: 'pglite', dataDir: join(persistedDir, 'db') };
  },
  persistent: true,
  async cleanup() {
    if (persistedDir) await rm(persistedDir, { recursive: true, force: true });
  },
};

const pgUrl = process.env.SAS_TEST_PG_URL;
/** Versions increase but may leave gaps (each part of the backend has its own range). */
const LAST_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
// One schema per run, dropped at the end: runs never see each other's rows, even on a shared server.
const pgSchema = `sas_test_${randomBytes(6).toString('hex')}`;
const postgres: DriverCase = {
  name: 'PostgreSQL (serveur réel)',
  config: async () => ({ driver: 'postgres', url: pgUrl ?? '', schema: pgSchema }),
  persistent: true,
  async cleanup() {
    const db = await openDatabase({ driver: 'postgres', url: pgUrl ?? '' });
    await db.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
    await db.close();
  },
};

const PG_MISSING =
  'Aucun serveur PostgreSQL pour les tests : installez PostgreSQL (apt-get install -y postgresql) — les tests en démarrent un ' +
  'eux-mêmes (tests/integration/global-setup.ts) — ou donnez SAS_TEST_PG_URL.';

if (!pgUrl) {
  // The PostgreSQL driver must never pass by being skipped: without a server, this fails and says how to get one.
  describe('PostgreSQL (serveur réel)', () => {
    it('a un serveur PostgreSQL', () => {
      throw new Error(PG_MISSING);
    });
  });
}

const cases = pgUrl ? [pgliteMemory, pgliteFolder, postgres] : [pgliteMemory, pgliteFolder];

const ALICE = '899990000017';
const BOB = '3479999990/REG-002';

function appointmentInput(overrides: Record<string, unknown> = {}) {
  return {
    publisherId: 'agendaplume',
    publisherAppointmentId: 'RDV-1',
    status: 'booked' as const,
    start: '2026-03-10T09:00:00+01:00',
    end: '2026-03-10T09:20:00+01:00',
    operatorId: ALICE,
    practitionerId: '899990000025',
    practitionerName: 'Dr Léa Plumevert',
    practitionerStatus: 'accepted' as const,
    searchId: 'search-1',
    ...overrides,
  };
}

describe.each(cases)('stockage — $name', (driver) => {
  let storage: Storage;

  beforeAll(async () => {
    storage = await openStorage(await driver.config());
  });

  afterAll(async () => {
    await storage?.close();
    await driver.cleanup();
  });

  describe('migrations', () => {
    it('applies every migration on a fresh database, then none on the next run', async () => {
      expect(storage.migrations.applied).toEqual(MIGRATIONS.map((migration) => migration.version));
      const again = await runMigrations(storage.db);
      expect(again).toEqual({ applied: [], current: LAST_VERSION });
      const recorded = await storage.db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(recorded.rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('rolls back a failing migration entirely and does not record it', async () => {
      const broken: Migration = {
        version: LAST_VERSION + 1,
        name: 'cassée',
        statements: ['CREATE TABLE half_done (a integer)', 'SELECT * FROM table_qui_n_existe_pas'],
      };
      await expect(runMigrations(storage.db, [...MIGRATIONS, broken])).rejects.toThrow();
      const table = await storage.db.query<{ name: string | null }>(`SELECT to_regclass('half_done')::text AS name`);
      expect(table.rows[0]?.name).toBeNull();
      const recorded = await storage.db.query('SELECT version FROM schema_migrations WHERE version = $1', [
        broken.version,
      ]);
      expect(recorded.rowCount).toBe(0);
    });

    it('refuses a database migrated by a newer backend', async () => {
      await storage.db.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'future')`);
      try {
        const error = await runMigrations(storage.db).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StorageError);
        expect((error as StorageError).code).toBe('schema-too-new');
        expect((error as StorageError).message).toContain('99');
      } finally {
        await storage.db.query('DELETE FROM schema_migrations WHERE version = 99');
      }
    });

    it('rejects a badly numbered list before touching the database', async () => {
      const backwards: Migration = { version: 1, name: 'à rebours', statements: ['CREATE TABLE never (a integer)'] };
      await expect(runMigrations(storage.db, [...MIGRATIONS, backwards])).rejects.toMatchObject({
        code: 'migration-list-invalid',
      });
    });
  });

  describe('transactions', () => {
    it('commits when the function resolves and rolls back when it throws', async () => {
      await storage.db.transaction(async (tx) => {
        await createRepositories(tx).regulators.upsert({ nationalId: 'TX-OK', familyName: 'Validé', active: true });
      });
      await expect(
        storage.db.transaction(async (tx) => {
          await createRepositories(tx).regulators.upsert({ nationalId: 'TX-KO', familyName: 'Annulé', active: true });
          throw new Error('échec volontaire');
        }),
      ).rejects.toThrow('échec volontaire');
      expect(await storage.regulators.get('TX-OK')).toBeDefined();
      expect(await storage.regulators.get('TX-KO')).toBeUndefined();
    });
  });

  describe('comptes régulateurs', () => {
    it('creates, then updates the same national id, and says which', async () => {
      const first = await storage.regulators.upsert({
        nationalId: ALICE,
        familyName: 'Formation',
        givenName: 'Alice',
        email: 'alice.formation@example.test',
        active: true,
      });
      expect(first.created).toBe(true);
      expect(first.account).toMatchObject({ nationalId: ALICE, givenName: 'Alice', active: true });
      const second = await storage.regulators.upsert({ nationalId: ALICE, familyName: 'Formation-Test', active: true });
      expect(second.created).toBe(false);
      expect(second.account.familyName).toBe('Formation-Test');
      // Fields absent from the update are cleared: an upsert carries the whole account.
      expect(second.account.givenName).toBeUndefined();
      expect(second.account.createdAt).toBe(first.account.createdAt);
      expect(Date.parse(second.account.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.account.updatedAt));
    });

    it('stores non-RPPS national ids as given and filters by access', async () => {
      await storage.regulators.upsert({ nationalId: BOB, familyName: 'Exemple', givenName: 'Bob', active: true });
      const withdrawn = await storage.regulators.setActive(BOB, false);
      expect(withdrawn?.active).toBe(false);
      expect(await storage.regulators.setActive('inconnu', false)).toBeUndefined();
      const inactive = await storage.regulators.list({ active: false });
      expect(inactive.map((account) => account.nationalId)).toContain(BOB);
      expect(inactive.every((account) => !account.active)).toBe(true);
      const active = await storage.regulators.list({ active: true });
      expect(active.map((account) => account.nationalId)).not.toContain(BOB);
      const all = await storage.regulators.list();
      expect(all.length).toBe(active.length + inactive.length);
    });

    it('rejects an invalid account before any SQL', async () => {
      await expect(
        storage.regulators.upsert({ nationalId: 'X', familyName: 'Y', email: 'pas-une-adresse', active: true }),
      ).rejects.toBeInstanceOf(ZodError);
      await expect(storage.regulators.upsert({ nationalId: '', familyName: 'Y', active: true })).rejects.toBeInstanceOf(
        ZodError,
      );
    });
  });

  describe('rendez-vous (RDV V3)', () => {
    it('upserts idempotently on (publisher id, publisher appointment id)', async () => {
      const created = await storage.appointments.upsert(appointmentInput());
      expect(created.created).toBe(true);
      expect(Date.parse(created.appointment.start)).toBe(Date.parse('2026-03-10T09:00:00+01:00'));
      const again = await storage.appointments.upsert(appointmentInput());
      expect(again.created).toBe(false);
      expect(again.appointment.id).toBe(created.appointment.id);

      const cancelled = await storage.appointments.upsert(
        appointmentInput({ status: 'cancelled', searchId: undefined, practitionerId: undefined }),
      );
      expect(cancelled.created).toBe(false);
      expect(cancelled.appointment).toMatchObject({
        id: created.appointment.id,
        status: 'cancelled',
        // Kept from the first report: the publisher's update did not carry them.
        searchId: 'search-1',
        practitionerId: '899990000025',
        practitionerStatus: 'accepted',
      });
      expect(cancelled.appointment.createdAt).toBe(created.appointment.createdAt);
    });

    it('flags an appointment not initiated from the console, and a later update does not clear it', async () => {
      const flagged = await storage.appointments.upsert(
        appointmentInput({ publisherAppointmentId: 'NON-INITIE', notInitiated: true }),
      );
      expect(flagged.appointment.notInitiated).toBe(true);
      const updated = await storage.appointments.upsert(
        appointmentInput({ publisherAppointmentId: 'NON-INITIE', status: 'fulfilled' }),
      );
      expect(updated.appointment.notInitiated).toBe(true);
      const plain = await storage.appointments.upsert(appointmentInput({ publisherAppointmentId: 'INITIE' }));
      expect(plain.appointment.notInitiated).toBeUndefined();
    });

    it('treats the same appointment id from two publishers as two appointments', async () => {
      const a = await storage.appointments.upsert(
        appointmentInput({ publisherId: 'pub-a', publisherAppointmentId: 'X' }),
      );
      const b = await storage.appointments.upsert(
        appointmentInput({ publisherId: 'pub-b', publisherAppointmentId: 'X' }),
      );
      expect(a.created && b.created).toBe(true);
      expect(a.appointment.id).not.toBe(b.appointment.id);
      expect((await storage.appointments.getByPublisherId('pub-b', 'X'))?.id).toBe(b.appointment.id);
    });

    it('creates exactly once when the same report arrives many times at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          storage.appointments.upsert(appointmentInput({ publisherId: 'pub-race', publisherAppointmentId: 'R' })),
        ),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.appointment.id)).size).toBe(1);
    });

    it("lists one regulator's appointments, latest start first", async () => {
      const operator = '899990000033';
      for (const [id, start] of [
        ['L1', '2026-03-11T10:00:00+01:00'],
        ['L2', '2026-03-12T08:00:00+01:00'],
        ['L3', '2026-03-09T18:00:00+01:00'],
      ] as const) {
        await storage.appointments.upsert(
          appointmentInput({ publisherAppointmentId: id, operatorId: operator, start, end: start }),
        );
      }
      const listed = await storage.appointments.listByOperator(operator);
      expect(listed.map((appointment) => appointment.publisherAppointmentId)).toEqual(['L2', 'L1', 'L3']);
      expect(listed.every((appointment) => appointment.operatorId === operator)).toBe(true);
      expect(await storage.appointments.listByOperator(operator, { limit: 1 })).toHaveLength(1);
      expect(await storage.appointments.listByOperator('personne')).toEqual([]);
      expect(await storage.appointments.getById('pas-un-id')).toBeUndefined();
    });

    it('rejects invalid reports', async () => {
      await expect(storage.appointments.upsert(appointmentInput({ status: 'confirmed' }))).rejects.toBeInstanceOf(
        ZodError,
      );
      await expect(
        storage.appointments.upsert(appointmentInput({ end: '2026-03-10T08:00:00+01:00' })),
      ).rejects.toBeInstanceOf(ZodError);
      await expect(storage.appointments.upsert(appointmentInput({ start: '10/03/2026 09:00' }))).rejects.toBeInstanceOf(
        ZodError,
      );
    });
  });

  describe('créneaux de l’agenda SAS', () => {
    const P1 = '899990000041';
    const P2 = '899990000058';

    it('finds slots by practitioner ids within a window, bounds included', async () => {
      const put = (id: string, practitionerId: string, start: string, end: string) =>
        storage.agendaSlots.put({ id, practitionerId, start, end, types: ['SNP'], modes: ['cabinet'] });
      await put('s-before', P1, '2026-04-01T07:00:00Z', '2026-04-01T07:20:00Z');
      await put('s-from', P1, '2026-04-01T08:00:00Z', '2026-04-01T08:20:00Z');
      await put('s-mid', P2, '2026-04-02T09:00:00+02:00', '2026-04-02T09:30:00+02:00');
      await put('s-to', P1, '2026-04-03T21:59:59Z', '2026-04-03T22:20:00Z');
      await put('s-after', P1, '2026-04-03T22:00:00Z', '2026-04-03T22:20:00Z');
      await put('s-other', '899990000066', '2026-04-02T09:00:00Z', '2026-04-02T09:20:00Z');

      const window = { from: new Date('2026-04-01T08:00:00Z'), to: '2026-04-03T21:59:59Z' };
      const found = await storage.agendaSlots.listForPractitioners([P1, P2], window);
      expect(found.map((slot) => slot.id)).toEqual(['s-from', 's-to', 's-mid']);
      expect(await storage.agendaSlots.listForPractitioners([], window)).toEqual([]);
    });

    it('replaces a slot put again with the same id, removes and purges', async () => {
      const first = await storage.agendaSlots.put({
        id: 'replace-me',
        practitionerId: P1,
        start: '2026-05-01T08:00:00Z',
        end: '2026-05-01T08:20:00Z',
        types: ['PUBLIC', 'PUBLIC', 'SNP'],
        modes: ['cabinet'],
      });
      expect(first.types).toEqual(['PUBLIC', 'SNP']);
      const replaced = await storage.agendaSlots.put({
        id: 'replace-me',
        practitionerId: P1,
        start: '2026-05-01T09:00:00Z',
        end: '2026-05-01T09:20:00Z',
        types: ['CPTS'],
        modes: ['teleconsultation', 'domicile'],
        bookingUrl: 'https://agenda.example.test/rdv/1',
      });
      expect(replaced).toMatchObject({ types: ['CPTS'], modes: ['teleconsultation', 'domicile'] });
      expect((await storage.agendaSlots.get('replace-me'))?.start).toBe('2026-05-01T09:00:00.000Z');
      const generated = await storage.agendaSlots.put({
        practitionerId: P2,
        start: '2020-01-01T08:00:00Z',
        end: '2020-01-01T08:20:00Z',
        types: ['PRO'],
        modes: ['cabinet'],
      });
      expect(generated.id.length).toBeGreaterThan(0);
      expect(await storage.agendaSlots.removeEndedBefore('2021-01-01T00:00:00Z')).toBeGreaterThanOrEqual(1);
      expect(await storage.agendaSlots.get(generated.id)).toBeUndefined();
      expect(await storage.agendaSlots.remove('replace-me')).toBe(true);
      expect(await storage.agendaSlots.remove('replace-me')).toBe(false);
    });

    it('rejects a slot that ends before it starts or has no type', async () => {
      const base = {
        practitionerId: P1,
        start: '2026-05-01T08:00:00Z',
        end: '2026-05-01T08:20:00Z',
        modes: ['cabinet'],
      };
      await expect(
        storage.agendaSlots.put({ ...base, types: ['SNP'], end: '2026-05-01T07:00:00Z' } as never),
      ).rejects.toBeInstanceOf(ZodError);
      await expect(storage.agendaSlots.put({ ...base, types: [] } as never)).rejects.toBeInstanceOf(ZodError);
    });

    it('maps a stored slot to the search slot shape', async () => {
      const record = await storage.agendaSlots.put({
        id: 'map-me',
        practitionerId: P2,
        start: '2026-05-02T08:00:00Z',
        end: '2026-05-02T08:20:00Z',
        types: ['SNP'],
        modes: ['cabinet'],
      });
      const slot = agendaSlotToSlot(record, [{ system: 'x', code: 'SM54' }]);
      expect(slot).toMatchObject({
        id: 'sas-agenda/map-me',
        sourceId: 'sas-agenda',
        practitionerId: P2,
        withAppointment: true,
        types: ['SNP'],
      });
      expect(slot.bookingUrl).toBeUndefined();
    });
  });

  it(
    driver.persistent
      ? 'finds its data again after closing and reopening'
      : 'starts empty again when reopened in memory',
    async () => {
      const { account } = await storage.regulators.upsert({
        nationalId: 'PERSIST',
        familyName: 'Durable',
        active: true,
      });
      await storage.close();
      storage = await openStorage(await driver.config());
      if (driver.persistent) {
        expect(storage.migrations.applied).toEqual([]);
        expect(await storage.regulators.get('PERSIST')).toEqual(account);
        expect(await storage.appointments.getByPublisherId('agendaplume', 'RDV-1')).toBeDefined();
      } else {
        expect(storage.migrations.applied).toEqual(MIGRATIONS.map((migration) => migration.version));
        expect(await storage.regulators.get('PERSIST')).toBeUndefined();
      }
    },
  );
});
