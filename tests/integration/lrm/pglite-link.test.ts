// The training backend and a single workstation run on embedded PGlite: the LRM link works there the same way
// (claiming, composing, sending, the acknowledgement coming back, the consoles told through the appointment feed),
// against the real broker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lrmConfigSchema } from '@backend/lrm/config';
import { AppointmentFeed } from '@backend/appointments/feed';
import { startBackendLrmLink } from '@backend/lrm/backend-link';
import type { LrmLink } from '@backend/lrm/link';
import type { Appointment } from '@shared/domain/appointment';
import { openStorage, type Storage } from '@backend/storage/index';
import { appointmentEntry, eventually, SAMU, TestLrm, testAmqpUrl, testCodec } from './support';

let storage: Storage;
let lrm: TestLrm;
let link: LrmLink;
const feed = new AppointmentFeed();
const live: Appointment[] = [];

beforeAll(async () => {
  storage = await openStorage({ driver: 'pglite' });
  lrm = await TestLrm.connect();
  await lrm.take();
  feed.subscribe('899990000017', (appointment) => live.push(appointment));
  link = await startBackendLrmLink({
    config: lrmConfigSchema.parse({ amqpUrl: testAmqpUrl(), samus: { 'lrm-pglite': SAMU }, pollMs: 100 }),
    storage,
    feed,
    codec: testCodec,
    log: () => undefined,
  });
});

afterAll(async () => {
  await link?.close();
  await feed.close();
  await lrm?.close();
  await storage?.close();
});

describe('liaison LRM sur PGlite', () => {
  it('sends two changes in order and records the acknowledgement of the latest', async () => {
    const report = {
      publisherId: 'pub-pglite',
      publisherAppointmentId: 'P-1',
      status: 'booked' as const,
      start: '2026-03-10T09:00:00+01:00',
      end: '2026-03-10T09:20:00+01:00',
      operatorId: '899990000017',
      lrmOrigin: 'lrm-pglite',
    };
    const { appointment } = await storage.appointments.upsert(report);
    await storage.appointments.upsert({ ...report, status: 'cancelled' });
    const messages = await lrm.receive(2);
    expect(messages.map((message) => appointmentEntry(message.body).resource.status)).toEqual(['booked', 'cancelled']);
    lrm.acknowledge(messages[0]!.body.distributionID);
    // An acknowledgement of the older message does not say the latest arrived.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await storage.appointments.getById(appointment.id))?.lrm?.state).toBe('pending');
    lrm.acknowledge(messages[1]!.body.distributionID);
    await eventually(async () => (await storage.appointments.getById(appointment.id))?.lrm?.state === 'transmitted');
    // The regulator's consoles heard it on the appointment feed, without the platform's bookkeeping.
    await eventually(async () => live.find((a) => a.id === appointment.id && a.lrm?.state === 'transmitted'));
    expect(live.every((a) => !('lrmOrigin' in a) && !('createdAt' in a))).toBe(true);
  });
});
