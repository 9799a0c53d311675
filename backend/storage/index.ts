// The backend's storage: open the configured database, bring its schema up to date, hand out the repositories.
import { createAgendaSlotRepository, type AgendaSlotRepository } from './agenda-slots';
import { createAppointmentRepository, type AppointmentRepository } from './appointments';
import { createLoginStateRepository, type LoginStateRepository } from './login-states';
import { runMigrations, type MigrationReport } from './migrate';
import { createOidcPayloadRepository, type OidcPayloadRepository } from './oidc-payloads';
import { createPublisherBreakerRepository, type PublisherBreakerRepository } from './publisher-breakers';
import { openDatabase } from './open-database';
import { createRegulatorAccountRepository, type RegulatorAccountRepository } from './regulator-accounts';
import { DEFAULT_DATABASE_CONFIG, type DatabaseConfig, type SqlDatabase, type SqlExecutor } from './sql-database';

export * from './sql-database';
export * from './regulator-accounts';
export * from './appointments';
export * from './agenda-slots';
export { runMigrations } from './migrate';
export { MIGRATIONS, type Migration } from './migrations/index';
export { openDatabase } from './open-database';

export interface Repositories {
  regulators: RegulatorAccountRepository;
  appointments: AppointmentRepository;
  agendaSlots: AgendaSlotRepository;
  oidcPayloads: OidcPayloadRepository;
  loginStates: LoginStateRepository;
  publisherBreakers: PublisherBreakerRepository;
}

export interface Storage extends Repositories {
  db: SqlDatabase;
  migrations: MigrationReport;
  close(): Promise<void>;
}

/** Repositories over a database or over the executor of an open transaction. */
export function createRepositories(db: SqlExecutor): Repositories {
  return {
    regulators: createRegulatorAccountRepository(db),
    appointments: createAppointmentRepository(db),
    agendaSlots: createAgendaSlotRepository(db),
    oidcPayloads: createOidcPayloadRepository(db),
    loginStates: createLoginStateRepository(db),
    publisherBreakers: createPublisherBreakerRepository(db),
  };
}

export async function openStorage(config: DatabaseConfig = DEFAULT_DATABASE_CONFIG): Promise<Storage> {
  const db = await openDatabase(config);
  try {
    const migrations = await runMigrations(db);
    return { db, migrations, ...createRepositories(db), close: () => db.close() };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
