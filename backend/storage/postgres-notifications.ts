// LISTEN/NOTIFY over `pg`: NOTIFY goes through the pool; each LISTEN holds its own connection (a pooled one would be
// handed to other queries), re-opened with a pause after a loss so a PostgreSQL restart does not end the listening.
import pg from 'pg';
import type { Pool } from 'pg';
import type { SqlNotifications } from './sql-database';

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/u;
const RECONNECT_MS = 1_000;

export function postgresNotifications(pool: Pool, connection: pg.ClientConfig): SqlNotifications {
  return {
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, onPayload) {
      if (!CHANNEL.test(channel)) throw new Error(`nom de canal invalide : ${channel}`);
      let stopped = false;
      let client: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;

      const open = async (): Promise<void> => {
        const next = new pg.Client(connection);
        next.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
        });
        next.on('error', () => reopen(next));
        next.on('end', () => reopen(next));
        await next.connect();
        await next.query(`LISTEN ${channel}`);
        if (stopped) {
          await next.end().catch(() => {});
          return;
        }
        client = next;
      };
      const reopen = (lost: pg.Client) => {
        if (stopped || client !== lost || retry) return;
        client = undefined;
        void lost.end().catch(() => {});
        const attempt = () => {
          retry = undefined;
          if (stopped) return;
          open().catch(() => {
            retry = setTimeout(attempt, RECONNECT_MS);
            retry.unref();
          });
        };
        retry = setTimeout(attempt, RECONNECT_MS);
        retry.unref();
      };

      await open();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        const current = client;
        client = undefined;
        await current?.end().catch(() => {});
      };
    },
  };
}
