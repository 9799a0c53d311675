// An appointment's status history and its LRM outbox messages are written by the repository's upsert in the change's
// own transaction, on both drivers: one line per status change (never one per repeated report, even when the same
// report arrives many times at once), one message per change the LRM must hear of, and the LRM origin kept when a
// later report does not carry it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type DatabaseConfig, type Storage } from '@backend/storage/index';

const pgUrl = process.env.SAS_TEST_PG_URL;
const pgSchema = `history_${randomBytes(4).toString('hex')}`;
const drivers: { name: string; config: () => DatabaseConfig }[] = [
  { name: 'PGlite', config: () => ({ driver: 'pglite' }) },
  {
    name: 'PostgreSQL',
    config: () => {
      if (!pgUrl) throw new Error('SAS_TEST_PG_URL absent : PostgreSQL de test non démarré.');
      return { driver: 'postgres', url: pgUrl, schema: pgSchema };
    },
  },
];

const report = (overrides: Record<string, unknown> = {}) => ({
  publisherId: 'pub-hist',
  publisherAppointmentId: 'H-1',
  status: 'booked' as const,
  start: '2026-03-10T09:00:00+01:00',
  end: '2026-03-10T09:20:00+01:00',
  operatorId: '899990000017',
  ...overrides,
});

describe.each(drivers)('historique et boîte d’envoi LRM ($name)', ({ config }) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage(config());
  });
  afterAll(async () => {
    if (storage?.db.driver === 'postgres') await storage.db.query(`DROP SCHEMA ${pgSchema} CASCADE`);
    await storage?.close();
  });

  const messages = async (appointmentId: string) =>
    (
      await storage.db.query<{ appointment: { status: string } }>(
        `SELECT appointment FROM lrm_outbox WHERE appointment_id = $1 ORDER BY id`,
        [appointmentId],
      )
    ).rows.map((row) => (typeof row.appointment === 'string' ? JSON.parse(row.appointment) : row.appointment).status);

  it('records one history line and one message when the same report arrives many times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        storage.appointments.upsert(report({ publisherAppointmentId: 'RACE', lrmOrigin: 'lrm-33' })),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const id = results[0]!.appointment.id;
    expect((await storage.appointments.getById(id))?.history?.map((change) => change.status)).toEqual(['booked']);
    expect(await messages(id)).toEqual(['booked']);
  });

  it('adds a line per status change, oldest first, and keeps the LRM origin an update does not carry', async () => {
    const created = await storage.appointments.upsert(report({ lrmOrigin: 'lrm-33' }));
    const moved = await storage.appointments.upsert(
      report({ start: '2026-03-10T10:00:00+01:00', end: '2026-03-10T10:20:00+01:00' }),
    );
    const cancelled = await storage.appointments.upsert(
      report({ status: 'cancelled', start: '2026-03-10T10:00:00+01:00', end: '2026-03-10T10:20:00+01:00' }),
    );
    expect(moved.appointment.history?.map((change) => change.status)).toEqual(['booked']);
    expect(cancelled.appointment.lrmOrigin).toBe('lrm-33');
    // Nor does a report naming another LRM re-route it.
    const elsewhere = await storage.appointments.upsert(
      report({
        status: 'cancelled',
        start: '2026-03-10T10:00:00+01:00',
        end: '2026-03-10T10:20:00+01:00',
        lrmOrigin: 'lrm-69',
      }),
    );
    expect(elsewhere.appointment.lrmOrigin).toBe('lrm-33');
    expect(cancelled.appointment.history?.map((change) => change.status)).toEqual(['booked', 'cancelled']);
    const [first, second] = cancelled.appointment.history ?? [];
    expect(Date.parse(first!.at)).toBeLessThanOrEqual(Date.parse(second!.at));
    // Moving the appointment changes nothing in its status, but the LRM hears of it.
    expect(await messages(created.appointment.id)).toEqual(['booked', 'booked', 'cancelled']);
    expect(cancelled.appointment.lrm?.state).toBe('pending');
  });

  it('starts sending when a later report brings an LRM origin, and never for one without', async () => {
    const plain = await storage.appointments.upsert(report({ publisherAppointmentId: 'LATE' }));
    expect(plain.appointment.lrm).toBeUndefined();
    expect(await messages(plain.appointment.id)).toEqual([]);
    const linked = await storage.appointments.upsert(report({ publisherAppointmentId: 'LATE', lrmOrigin: 'lrm-33' }));
    expect(await messages(linked.appointment.id)).toEqual(['booked']);
    expect(linked.appointment.lrm?.state).toBe('pending');
  });

  it('refuses an LRM origin that is not an identifier', async () => {
    await expect(storage.appointments.upsert(report({ lrmOrigin: 'pas une origine' }))).rejects.toThrow();
  });
});
