// Picks the driver named by the configuration.
import { openPgliteDatabase } from './pglite-driver';
import { openPostgresDatabase } from './postgres-driver';
import type { DatabaseConfig, SqlDatabase } from './sql-database';

export function openDatabase(config: DatabaseConfig): Promise<SqlDatabase> {
  switch (config.driver) {
    case 'pglite':
      return openPgliteDatabase(config.dataDir ? { dataDir: config.dataDir } : {});
    case 'postgres':
      return openPostgresDatabase(config);
  }
}
