// A real PostgreSQL server through `pg`, for a deployment where several workstations share one backend database.
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { QueryResult, SqlDatabase, SqlExecutor } from './sql-database';
import { postgresNotifications } from './postgres-notifications';
import { StorageError } from './sql-database';

/** A request waits at most this long for a connection: with the server down, it fails (503) instead of hanging. */
const CONNECT_TIMEOUT_MS = 3_000;

export interface PostgresOptions {
  url: string;
  /** Schema holding the tables, created when missing (validated upstream: `[a-z_][a-z0-9_]*`). */
  schema?: string;
  poolSize?: number;
}

function executorOf(target: Pool | PoolClient): SqlExecutor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<SqlDatabase> {
  const connection: pg.ClientConfig = {
    connectionString: options.url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Every connection sees the configured schema first, so repositories never qualify table names.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server must not crash the backend: the pool replaces it on next use.
  pool.on('error', () => {});
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    else await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StorageError('postgres-unreachable', `Connexion à PostgreSQL impossible : ${(error as Error).message}`, {
      cause: error,
    });
  }

  const executor = executorOf(pool);
  let closed = false;
  return {
    driver: 'postgres',
    query: executor.query,
    notifications: postgresNotifications(pool, connection),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executorOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
