// Versioned migrations: a `schema_migrations` table records what was applied; pending ones run in order, each in
// its own transaction together with its record, so a failed step leaves no half-applied schema behind.
import { MIGRATIONS, type Migration } from './migrations/index';
import type { SqlDatabase, SqlExecutor } from './sql-database';
import { StorageError } from './sql-database';

/** Any constant: it only has to be the same for every backend sharing a database. */
const MIGRATION_LOCK_KEY = 4_174_201;

export interface MigrationReport {
  /** Versions applied by this run. */
  applied: number[];
  /** Highest version now in the database. */
  current: number;
}

/**
 * Checks the list itself: positive versions, strictly increasing. Gaps are allowed: each line of work has its own
 * block of numbers, so parallel changes never collide. Throws on a programming error.
 */
function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = index === 0 ? 0 : (migrations[index - 1]?.version ?? 0);
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new StorageError(
        'migration-list-invalid',
        `Migrations mal numérotées : la migration n°${index + 1} porte la version ${migration.version}.`,
      );
    }
  });
}

async function appliedVersions(executor: SqlExecutor): Promise<Set<number>> {
  const result = await executor.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(result.rows.map((row) => Number(row.version)));
}

export async function runMigrations(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  checkMigrationList(migrations);
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version     integer PRIMARY KEY,
       name        text NOT NULL,
       applied_at  timestamptz NOT NULL DEFAULT now()
     )`,
  );

  const known = new Set(migrations.map((migration) => migration.version));
  const before = await appliedVersions(db);
  const unknown = [...before].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    // A newer backend already migrated this database: running older code on it could corrupt data.
    throw new StorageError(
      'schema-too-new',
      `La base de données est en version ${Math.max(...unknown)}, plus récente que ce backend ` +
        `(version ${migrations.length}). Mettez le backend à jour.`,
    );
  }

  const applied: number[] = [];
  for (const migration of migrations) {
    if (before.has(migration.version)) continue;
    const ran = await db.transaction(async (tx) => {
      // Two backends starting together on one PostgreSQL server: the second waits here, then sees the version
      // already recorded and skips it.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      if ((await appliedVersions(tx)).has(migration.version)) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  const after = await appliedVersions(db);
  return { applied, current: after.size === 0 ? 0 : Math.max(...after) };
}
