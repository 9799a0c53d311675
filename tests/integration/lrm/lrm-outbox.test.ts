// The LRM link end to end on a real PostgreSQL and a real RabbitMQ: appointment changes go through the outbox to the
// SAMU's queue at least once and in order, across a broker outage and a backend restart; acknowledgements and errors
// coming back change the appointment's LRM state and tell its consoles.
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lrmConfigSchema, type LrmConfig } from '@backend/lrm/config';
import { startLrmLink, type LrmLink } from '@backend/lrm/link';
import { openStorage, type AppointmentRecord, type Storage } from '@backend/storage/index';
import { appointmentEntry, broker, eventually, SAMU, TestLrm, testAmqpUrl, testCodec } from './support';

const ORIGIN = 'lrm-samu33-appli';
const pgUrl = process.env.SAS_TEST_PG_URL;
if (!pgUrl)
  throw new Error('SAS_TEST_PG_URL absent : PostgreSQL de test non démarré (voir scripts/start-test-postgres.sh).');
const schema = `lrm_${randomBytes(4).toString('hex')}`;
const dbConfig = { driver: 'postgres' as const, url: pgUrl, schema };

const config = (overrides: Partial<LrmConfig> = {}): LrmConfig =>
  lrmConfigSchema.parse({
    amqpUrl: testAmqpUrl(),
    samus: { [ORIGIN]: SAMU },
    retry: { firstMs: 100, maxMs: 500 },
    pollMs: 100,
    ...overrides,
  });

let storage: Storage;
let lrm: TestLrm;
const links: LrmLink[] = [];
const changed: AppointmentRecord[] = [];

function link(overrides: Partial<LrmConfig> = {}, on: Storage = storage, registry?: Registry): LrmLink {
  const started = startLrmLink({
    config: config(overrides),
    db: on.db,
    appointments: on.appointments,
    codec: testCodec,
    onAppointmentChanged: (appointment) => changed.push(appointment),
    ...(registry ? { registry } : {}),
    log: () => undefined,
  });
  links.push(started);
  return started;
}

let counter = 0;
function report(overrides: Partial<Parameters<Storage['appointments']['upsert']>[0]> = {}) {
  counter += 1;
  return {
    publisherId: 'pub-lrm',
    publisherAppointmentId: `RDV-${counter}`,
    status: 'booked' as const,
    start: '2026-03-10T09:00:00+01:00',
    end: '2026-03-10T09:20:00+01:00',
    operatorId: '899990000017',
    practitionerId: '810000000019',
    lrmOrigin: ORIGIN,
    ...overrides,
  };
}

const outboxStates = async (appointmentId: string) =>
  (
    await storage.db.query<{ state: string }>(`SELECT state FROM lrm_outbox WHERE appointment_id = $1 ORDER BY id`, [
      appointmentId,
    ])
  ).rows.map((row) => row.state);

beforeAll(async () => {
  storage = await openStorage(dbConfig);
  lrm = await TestLrm.connect();
  await lrm.take();
});

afterEach(async () => {
  for (const started of links.splice(0)) await started.close();
  // A message a test left waiting must not reach the next test's LRM.
  await storage.db.query(`UPDATE lrm_outbox SET state = 'skipped' WHERE state = 'queued'`);
  changed.length = 0;
  await lrm.take();
});

afterAll(async () => {
  await lrm?.close();
  await storage?.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
  await storage?.close();
});

describe('liaison LRM (RabbitMQ et PostgreSQL réels)', () => {
  it('sends a new appointment to its SAMU, persistent JSON, and the RC-DE acknowledgement marks it transmitted', async () => {
    link();
    const { appointment } = await storage.appointments.upsert(report());
    expect(appointment.lrm?.state).toBe('pending');
    const [message] = await lrm.receive(1);
    expect(message?.persistent).toBe(true);
    expect(message?.contentType).toBe('application/json');
    expect(appointmentEntry(message?.body)).toMatchObject({
      request: { method: 'POST' },
      resource: { id: appointment.id, status: 'booked' },
    });
    lrm.acknowledge(message!.body.distributionID);
    const transmitted = await eventually(async () => {
      const stored = await storage.appointments.getById(appointment.id);
      return stored?.lrm?.state === 'transmitted' && stored;
    });
    expect(transmitted.lrm).toEqual({ state: 'transmitted', at: expect.any(String) });
    // The consoles were told.
    await eventually(async () => changed.some((a) => a.id === appointment.id && a.lrm?.state === 'transmitted'));
    expect(await outboxStates(appointment.id)).toEqual(['acknowledged']);
  });

  it('marks the appointment refused « rendez-vous inconnu du LRM » on a 404, without sending it again', async () => {
    link();
    const { appointment } = await storage.appointments.upsert(report());
    const [message] = await lrm.receive(1);
    lrm.reportError(message!.body.distributionID, 404, 'Appointment not found');
    const refused = await eventually(async () => {
      const stored = await storage.appointments.getById(appointment.id);
      return stored?.lrm?.state === 'refused' && stored;
    });
    expect(refused.lrm).toMatchObject({ state: 'refused', code: '404', reason: 'rendez-vous inconnu du LRM' });
    await eventually(async () => changed.some((a) => a.id === appointment.id && a.lrm?.state === 'refused'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await lrm.take()).toEqual([]);
  });

  it('resends a fresh envelope once after a 400 (expired), and refuses for good when that one expires too', async () => {
    link();
    const { appointment } = await storage.appointments.upsert(report());
    const [first] = await lrm.receive(1);
    lrm.reportError(first!.body.distributionID, { statusCode: 400, statusString: 'Bad Request' }, 'Message expired');
    const [second] = await lrm.receive(1);
    expect(second?.body.distributionID).not.toBe(first?.body.distributionID);
    // The LRM never read the first one: the resend creates the appointment again.
    expect(appointmentEntry(second?.body).request.method).toBe('POST');
    expect((await storage.appointments.getById(appointment.id))?.lrm).toMatchObject({ state: 'pending', code: '400' });
    lrm.reportError(second!.body.distributionID, 400, 'Message expired');
    const refused = await eventually(async () => {
      const stored = await storage.appointments.getById(appointment.id);
      return stored?.lrm?.state === 'refused' && stored;
    });
    expect(refused.lrm?.code).toBe('400');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await lrm.take()).toEqual([]);
  });

  it('does not send an appointment whose search came from no LRM, nor one from an LRM no SAMU is configured for', async () => {
    link();
    const none = await storage.appointments.upsert(report({ lrmOrigin: undefined }));
    expect(none.appointment.lrm).toBeUndefined();
    expect(await outboxStates(none.appointment.id)).toEqual([]);
    const unknown = await storage.appointments.upsert(report({ lrmOrigin: 'lrm-inconnu' }));
    await eventually(async () => (await outboxStates(unknown.appointment.id))[0] === 'skipped');
    expect((await storage.appointments.getById(unknown.appointment.id))?.lrm).toBeUndefined();
    expect(await lrm.take()).toEqual([]);
  });

  it('delivers each change exactly once and in order across a broker outage', async () => {
    link();
    broker('pause');
    let restarted = false;
    try {
      const booked = await storage.appointments.upsert(report());
      const cancelled = await storage.appointments.upsert(
        report({ publisherAppointmentId: booked.appointment.publisherAppointmentId, status: 'cancelled' }),
      );
      expect(cancelled.appointment.history?.map((change) => change.status)).toEqual(['booked', 'cancelled']);
      // The backend runs on: the changes wait in the outbox.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await outboxStates(booked.appointment.id)).toEqual(['queued', 'queued']);
      broker('resume');
      restarted = true;
      const fresh = await TestLrm.connect();
      try {
        const messages = await fresh.receive(2);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        messages.push(...(await fresh.take()));
        expect(messages.map((message) => appointmentEntry(message.body))).toEqual([
          expect.objectContaining({
            request: expect.objectContaining({ method: 'POST' }),
            resource: { resourceType: 'Appointment', id: booked.appointment.id, status: 'booked' },
          }),
          expect.objectContaining({
            request: expect.objectContaining({ method: 'PUT' }),
            resource: { resourceType: 'Appointment', id: booked.appointment.id, status: 'cancelled' },
          }),
        ]);
        expect(await outboxStates(booked.appointment.id)).toEqual(['sent', 'sent']);
      } finally {
        await fresh.close();
      }
    } finally {
      if (!restarted) broker('resume');
      lrm = await TestLrm.connect().then(async (next) => {
        await lrm.close();
        return next;
      });
    }
  }, 90_000);

  it('sends after a restart what was waiting before the backend stopped', async () => {
    // The first backend has no broker configured: its changes only reach the outbox.
    const off = link({ amqpUrl: undefined });
    expect(off.status()).toEqual({ connected: false, label: expect.stringContaining('désactivée') });
    const { appointment } = await storage.appointments.upsert(report());
    await off.close();
    await storage.close();

    storage = await openStorage(dbConfig);
    const next = link();
    await eventually(async () => next.status().connected);
    const [message] = await lrm.receive(1);
    expect(appointmentEntry(message?.body).resource.id).toBe(appointment.id);
    expect(await outboxStates(appointment.id)).toEqual(['sent']);
  });

  it('says the link is cut while the broker cannot be reached, and the backend goes on', async () => {
    const down = link({ amqpUrl: 'amqp://guest:guest@127.0.0.1:1' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(down.status()).toEqual({ connected: false, label: expect.stringContaining('coupée') });
    const { appointment } = await storage.appointments.upsert(report());
    expect(appointment.lrm?.state).toBe('pending');
    expect(await outboxStates(appointment.id)).toEqual(['queued']);
  });

  it('sends each message from one instance only when several share the database, and counts them', async () => {
    const second = await openStorage(dbConfig);
    const registry = new Registry();
    try {
      link({}, storage, registry);
      link({}, second);
      const created = await Promise.all(Array.from({ length: 12 }, () => storage.appointments.upsert(report())));
      const messages = await lrm.receive(12);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      messages.push(...(await lrm.take()));
      const ids = messages.map((message) => appointmentEntry(message.body).resource.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(created.map((result) => result.appointment.id).sort());
      const metrics = await registry.metrics();
      expect(metrics).toMatch(/sas_lrm_outbox_depth 0/u);
      expect(metrics).toMatch(/sas_lrm_messages_sent_total \d+/u);
    } finally {
      for (const started of links.splice(0)) await started.close();
      await second.close();
    }
  });

  it('keeps a message the broker cannot route (no queue for that SAMU) and retries it', async () => {
    link({ declareQueues: false, samus: { [ORIGIN]: 'fr.health.samu990' } });
    const { appointment } = await storage.appointments.upsert(report());
    const failed = await eventually(async () => {
      const row = await storage.db.query<{ state: string; attempts: number; last_error: string | null }>(
        `SELECT state, attempts, last_error FROM lrm_outbox WHERE appointment_id = $1`,
        [appointment.id],
      );
      const first = row.rows[0];
      return first !== undefined && first.attempts >= 2 && first;
    });
    expect(failed).toMatchObject({ state: 'queued', last_error: 'aucune file pour la clé fr.health.samu990.message' });
    expect((await storage.appointments.getById(appointment.id))?.lrm?.state).toBe('pending');
  });
});
