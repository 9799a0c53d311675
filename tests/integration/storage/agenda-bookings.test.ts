// SAS-agenda slots and their bookings on both drivers: owners other than a practitioner, the claim that only one
// booking wins, a booked slot kept out of searches and out of managers' reach until its booking is released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agendaBookingOfAppointment,
  claimAgendaSlot,
  recordAgendaBooking,
  releaseAgendaBooking,
} from '@backend/storage/agenda-bookings';
import { AgendaSlotBookedError } from '@backend/storage/agenda-slots';
import { openStorage, type DatabaseConfig, type Storage } from '@backend/storage/index';
import { freshSchema, testPostgresUrl } from '../multi-instance/support';

const drivers: { name: string; config: () => DatabaseConfig }[] = [
  { name: 'PGlite', config: () => ({ driver: 'pglite' }) },
  { name: 'PostgreSQL', config: () => ({ driver: 'postgres', url: testPostgresUrl(), schema: freshSchema('agenda') }) },
];

const WINDOW = { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' };
const slot = (id: string, owner: Record<string, string>, start = '2030-01-01T09:00:00Z') => ({
  id,
  ...owner,
  start,
  end: new Date(Date.parse(start) + 20 * 60_000).toISOString(),
  types: ['SNP' as const],
  modes: ['cabinet' as const],
});

describe.each(drivers)('SAS-agenda bookings on $name', ({ config }) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage(config());
    await storage.agendaSlots.put(slot('ps', { practitionerId: '810000000011' }));
    await storage.agendaSlots.put(slot('cpts', { cptsFiness: '330000019' }, '2030-01-01T10:00:00Z'));
    await storage.agendaSlots.put(slot('sos', { sosSiteId: '1339900128' }, '2030-01-01T11:00:00Z'));
    await storage.agendaSlots.put(slot('ailleurs', { sosSiteId: 'autre-site' }));
  }, 60_000);
  afterAll(async () => {
    await storage?.close();
  });

  it('lists the free slots of practitioners, CPTS and SOS sites asked, by start', async () => {
    const found = await storage.agendaSlots.listForOwners(
      { practitionerIds: ['810000000011'], cptsFinesses: ['330000019'], sosSiteIds: ['1339900128'] },
      WINDOW,
    );
    expect(found.map((s) => [s.id, s.practitionerId ?? s.cptsFiness ?? s.sosSiteId])).toEqual([
      ['ps', '810000000011'],
      ['cpts', '330000019'],
      ['sos', '1339900128'],
    ]);
    expect(await storage.agendaSlots.listForOwners({}, WINDOW)).toEqual([]);
    await expect(storage.agendaSlots.put({ ...slot('personne', {}) })).rejects.toThrow();
  });

  it('gives a slot to one booking only, hides it from searches and managers, and frees it on release', async () => {
    const outcomes = await Promise.all(
      ['b-1', 'b-2', 'b-3'].map((booking) => storage.db.transaction((tx) => claimAgendaSlot(tx, 'sos', booking))),
    );
    expect(outcomes.filter((o) => o.outcome === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'taken')).toHaveLength(2);
    expect(await storage.db.transaction((tx) => claimAgendaSlot(tx, 'inconnu', 'b-4'))).toEqual({ outcome: 'unknown' });
    const winner = ['b-1', 'b-2', 'b-3'][outcomes.findIndex((o) => o.outcome === 'claimed')]!;
    await recordAgendaBooking(storage.db, {
      id: winner,
      slotId: 'sos',
      appointmentId: 'rdv-1',
      operatorId: '899999000005',
      lrmOrigin: 'lrm.samu33',
    });

    expect((await storage.agendaSlots.get('sos'))?.bookingId).toBe(winner);
    expect((await storage.agendaSlots.listForOwners({ sosSiteIds: ['1339900128'] }, WINDOW)).map((s) => s.id)).toEqual(
      [],
    );
    await expect(storage.agendaSlots.put(slot('sos', { sosSiteId: '1339900128' }))).rejects.toBeInstanceOf(
      AgendaSlotBookedError,
    );
    expect(await storage.agendaSlots.removeFree('sos')).toBe('booked');
    expect(await agendaBookingOfAppointment(storage.db, 'rdv-1')).toMatchObject({
      id: winner,
      slotId: 'sos',
      lrmOrigin: 'lrm.samu33',
    });

    expect(await storage.db.transaction((tx) => releaseAgendaBooking(tx, winner))).toBe(true);
    expect(await storage.db.transaction((tx) => releaseAgendaBooking(tx, winner))).toBe(false);
    expect((await agendaBookingOfAppointment(storage.db, 'rdv-1'))?.cancelledAt).toBeDefined();
    expect((await storage.agendaSlots.listForOwners({ sosSiteIds: ['1339900128'] }, WINDOW)).map((s) => s.id)).toEqual([
      'sos',
    ]);
    expect(await storage.agendaSlots.removeFree('sos')).toBe('removed');
    expect(await storage.agendaSlots.removeFree('sos')).toBe('unknown');
  });
});
