// Embedded PostgreSQL (PGlite, WebAssembly): the default storage, one process, no server to run.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { QueryResult, SqlDatabase, SqlExecutor } from './sql-database';

export interface PgliteOptions {
  /** Folder holding the database files; absent: in memory. */
  dataDir?: string;
}

function executorOf(target: Pick<PGlite, 'query'>): SqlExecutor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

export async function openPgliteDatabase(options: PgliteOptions = {}): Promise<SqlDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const executor = executorOf(pglite);
  let closed = false;
  return {
    driver: 'pglite',
    query: executor.query,
    transaction: (fn) => pglite.transaction((tx) => fn(executorOf(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
