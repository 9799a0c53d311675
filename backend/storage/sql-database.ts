// One small SQL layer for everything the backend must not lose. Two drivers implement it (embedded PGlite, a real
// PostgreSQL server through `pg`); repositories and migrations are written once against this interface, in the
// PostgreSQL dialect both drivers speak, with `$1`-style parameters.
import { z } from 'zod';

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned, or affected by INSERT / UPDATE / DELETE. */
  rowCount: number;
}

/** Runs statements: the database itself, or the connection of an open transaction. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

type SqlDriverName = 'pglite' | 'postgres';

/**
 * PostgreSQL's LISTEN/NOTIFY between the processes sharing one server. Only the `pg` driver has it: an embedded
 * PGlite serves a single process, where an in-process event is enough.
 */
export interface SqlNotifications {
  /** Sends `payload` (at most ~8000 bytes) to every listener of `channel`, this process's included. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Receives the channel's payloads on a dedicated connection, re-established after a loss (notifications sent
   * meanwhile are lost: listeners that need them re-read the database). Resolves once listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly driver: SqlDriverName;
  readonly notifications?: SqlNotifications;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the error is rethrown).
   * Use the executor given to `fn`, not the database, for the statements that belong to the transaction.
   */
  transaction<R>(fn: (tx: SqlExecutor) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** A PostgreSQL schema name we are willing to put into `search_path` unquoted. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Storage settings as they come from the backend's configuration file or environment. */
export const databaseConfigSchema = z.discriminatedUnion('driver', [
  z.object({
    driver: z.literal('pglite'),
    /** Folder holding the database files; absent: in memory (lost when the process ends). */
    dataDir: z.string().min(1).optional(),
  }),
  z.object({
    driver: z.literal('postgres'),
    /** `postgres://user:password@host:port/database` */
    url: z
      .string()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: 'URL PostgreSQL attendue (postgres://...)' }),
    /** Schema holding the tables (created when missing); absent: the server's default (`public`). */
    schema: z.string().regex(SCHEMA_NAME, { message: 'nom de schéma invalide' }).optional(),
    poolSize: z.number().int().min(1).max(100).optional(),
  }),
]);

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

/** The default storage: embedded PGlite, in memory unless a folder is configured. */
export const DEFAULT_DATABASE_CONFIG: DatabaseConfig = { driver: 'pglite' };

/** A storage failure worth showing as is: French message, stable code. */
export class StorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}
