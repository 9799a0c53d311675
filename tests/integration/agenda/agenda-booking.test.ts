// The SAS agenda booked in the console, on two backend instances sharing one PostgreSQL: two regulators confirm the
// same slot at once, each through their own console's agenda service on a different instance; one gets it, the
// other a clear refusal. The slot leaves every search, the booking reaches the winner's live stream, and cancelling
// puts it back; the appointment stays listed as cancelled. The booking keeps its search's LRM origin.
import { authorizationHeaders } from '@services/session/dpop-key';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withAgendaSlotIds } from '@backend/agenda/appointment-list';
import { agendaBookingOfAppointment } from '@backend/storage/agenda-bookings';
import { createAgendaService } from '@services/agenda-service';
import { dispatchCall } from '@services/call-dispatch';
import { createConsoleServices } from '@services/compose';
import { MemoryJournalStore } from '@services/journal';
import { MemorySettingsStore } from '@services/settings';
import { ConsoleError } from '@shared/api/errors';
import { backendRoutes } from '@shared/backend-api/routes';
import type { Appointment } from '@shared/domain/appointment';
import type { SearchEvent } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';
import { BORDEAUX, consoleApi, consoleSearch, startCluster, type Cluster } from '../multi-instance/support';

const BRUNO = '899999000013';

let cluster: Cluster;
let alice: LoggedIn;
let bruno: LoggedIn;

beforeAll(async () => {
  // The training environment's own structure manager fills the agenda (its token, no configuration).
  cluster = await startCluster({ streetGeocoder: false });
  alice = await loginToTraining(cluster.env, ALICE);
  bruno = await loginToTraining(cluster.env, BRUNO);
}, 120_000);

afterAll(async () => {
  await alice?.session.close();
  await bruno?.session.close();
  await cluster?.close();
});

/** Each console talks to its own instance: the race is decided by the shared database, not by one process. */
function consoleOn(index: number, who: LoggedIn) {
  const url = cluster.env.instances[index]!.backend.url;
  const api = consoleApi(url, () => who.session.accessToken());
  return { url, api, agenda: createAgendaService(api) };
}

const agendaSlots = (events: SearchEvent[]): Slot[] =>
  events.flatMap((e) => (e.type === 'slots' && e.sourceId === 'sas-agenda' ? e.slots : []));

async function searchAgenda(): Promise<Slot[]> {
  return agendaSlots(await consoleSearch(cluster.proxy.origin, () => alice.session.accessToken(), BORDEAUX));
}

describe('two consoles booking one SAS-agenda slot', () => {
  let slot: Slot;
  let won: Appointment;
  let winner: ReturnType<typeof consoleOn>;
  let loser: ReturnType<typeof consoleOn>;

  it('books it for exactly one regulator; the other is told it was just taken', async () => {
    const before = await searchAgenda();
    expect(before.length, 'des créneaux de l’agenda SAS autour de Bordeaux').toBeGreaterThan(0);
    slot = before[0]!;
    const onAlice = consoleOn(0, alice);
    const onBruno = consoleOn(1, bruno);
    const streamAbort = new AbortController();
    const streams = await Promise.all([
      onAlice.api.openStream(backendRoutes.appointmentEvents, streamAbort.signal),
      onBruno.api.openStream(backendRoutes.appointmentEvents, streamAbort.signal),
    ]);
    const firstAppointment = streams.map(async (stream) => {
      for await (const event of stream) if (event.type === 'appointment') return event.appointment;
      return undefined;
    });

    const outcomes = await Promise.allSettled([
      onAlice.agenda.book({ slotId: slot.id, searchId: 'onglet-a', origin: 'lrm.samu33' }),
      onBruno.agenda.book({ slotId: slot.id, searchId: 'onglet-b', origin: 'lrm.samu33' }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const refusal = (rejected[0] as PromiseRejectedResult).reason as ConsoleError;
    expect(refusal).toBeInstanceOf(ConsoleError);
    expect(refusal.code).toBe('agenda-slot-taken');
    expect(refusal.message).toMatch(/autre régulateur/u);

    won = (fulfilled[0] as PromiseFulfilledResult<Appointment>).value;
    const aliceWon = outcomes[0]!.status === 'fulfilled';
    [winner, loser] = aliceWon ? [onAlice, onBruno] : [onBruno, onAlice];
    expect(won).toMatchObject({
      publisherId: 'sas-agenda',
      status: 'booked',
      operatorId: aliceWon ? ALICE : BRUNO,
      start: new Date(slot.start).toISOString(),
      agendaSlotId: slot.id,
      searchId: aliceWon ? 'onglet-a' : 'onglet-b',
    });
    if (slot.practitionerId) expect(won.practitionerId).toBe(slot.practitionerId);
    expect(won.practitionerName).toMatch(/\S/u);

    // The winner's console (on its own instance) hears of it live; the loser's hears nothing of someone else's.
    const delivered = await firstAppointment[aliceWon ? 0 : 1];
    expect(delivered).toMatchObject({ id: won.id, status: 'booked' });
    streamAbort.abort();
    await Promise.allSettled(firstAppointment);

    const booking = await agendaBookingOfAppointment(cluster.env.storage.db, won.id);
    expect(booking).toMatchObject({ lrmOrigin: 'lrm.samu33', operatorId: won.operatorId });
    // What the list route can add to « Mes orientations »: the slot of each SAS-agenda appointment, nothing to others.
    const listed = await cluster.env.storage.appointments.listByOperator(won.operatorId);
    const named = await withAgendaSlotIds(cluster.env.storage.db, listed);
    expect(named.find((a) => a.id === won.id)?.agendaSlotId).toBe(slot.id);
    expect(named.filter((a) => a.publisherId !== 'sas-agenda').every((a) => a.agendaSlotId === undefined)).toBe(true);
  }, 60_000);

  it('never has two winners, race after race', async () => {
    const onAlice = consoleOn(0, alice);
    const onBruno = consoleOn(1, bruno);
    const raced = (await searchAgenda()).slice(0, 6);
    expect(raced.length).toBeGreaterThan(2);
    const rounds = await Promise.all(
      raced.map((s) =>
        Promise.allSettled([onAlice.agenda.book({ slotId: s.id }), onBruno.agenda.book({ slotId: s.id })]),
      ),
    );
    for (const round of rounds) {
      expect(round.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = round.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'agenda-slot-taken' });
    }
    // Freed again for the tests that follow.
    for (const round of rounds) {
      const [a, b] = round;
      if (a.status === 'fulfilled') await onAlice.agenda.cancel(a.value.id);
      if (b.status === 'fulfilled') await onBruno.agenda.cancel(b.value.id);
    }
  }, 60_000);

  it('takes the slot out of every search at once', async () => {
    expect((await searchAgenda()).map((s) => s.id)).not.toContain(slot.id);
  }, 30_000);

  it('answers 409 agenda-slot-taken over HTTP to a later attempt, and 404 for a slot that never existed', async () => {
    const post = (body: unknown) =>
      alice.session.accessToken().then(async (token) =>
        fetch(`${loser.url}${backendRoutes.agendaBook.path}`, {
          method: 'POST',
          headers: {
            ...(await authorizationHeaders(token, 'POST', `${loser.url}${backendRoutes.agendaBook.path}`)),
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        }),
      );
    const again = await post({ slotId: slot.id });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'agenda-slot-taken' } });
    const unknown = await post({ slotId: 'sas-agenda/jamais-vu' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'agenda-slot-unknown' } });
    const invalid = await post({ slotId: '' });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()) as { error: { message: string } }).toMatchObject({
      error: { message: expect.stringContaining('slotId') },
    });
  });

  it('refuses the cancellation to the other regulator', async () => {
    await expect(loser.agenda.cancel(won.id)).rejects.toMatchObject({ code: 'agenda-cancel-refused' });
    await expect(loser.agenda.cancel('rendez-vous-inconnu')).rejects.toMatchObject({ code: 'agenda-slot-unknown' });
  });

  it('cancels for the regulator who booked: the slot is back in searches, the appointment listed as cancelled', async () => {
    const cancelled = await winner.agenda.cancel(won.id);
    expect(cancelled).toMatchObject({ id: won.id, status: 'cancelled', agendaSlotId: slot.id });
    // Cancelling again (a retry after a cut connection) answers the same, changes nothing.
    expect(await winner.agenda.cancel(won.id)).toMatchObject({ id: won.id, status: 'cancelled' });
    expect((await searchAgenda()).map((s) => s.id)).toContain(slot.id);
    const listed = await winner.api.get(backendRoutes.appointments);
    expect(listed.appointments.find((a) => a.id === won.id)).toMatchObject({ status: 'cancelled' });
    // Free again: the other regulator can book it now.
    const rebooked = await loser.agenda.book({ slotId: slot.id });
    expect(rebooked).toMatchObject({ status: 'booked', agendaSlotId: slot.id });
    expect(rebooked.id).not.toBe(won.id);
    await loser.agenda.cancel(rebooked.id);
  }, 60_000);
});

describe('slots of a SOS Médecins site and of a CPTS in the SAS agenda', () => {
  const put = (body: unknown) =>
    fetch(`${cluster.proxy.origin}${backendRoutes.agendaAvailabilitiesPut.path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${cluster.env.agendaManagerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  it('books a SOS site’s slot in the console, named after the site', async () => {
    const site = cluster.env.directory.sosSites[0]!;
    const answer = await put({
      availabilities: [
        {
          id: 'sos-temps-1',
          sosSiteId: site.id,
          start: inHours(5),
          end: inHours(5.25),
          types: ['SNP'],
          modes: ['cabinet'],
        },
      ],
    });
    expect(answer.status).toBe(200);
    const appointment = await consoleOn(0, alice).agenda.book({ slotId: 'sas-agenda/sos-temps-1' });
    expect(appointment).toMatchObject({
      status: 'booked',
      practitionerName: site.name,
      agendaSlotId: 'sas-agenda/sos-temps-1',
    });
    expect(appointment.practitionerId).toBeUndefined();
  });

  it('shows a CPTS’s own slot in a search that asks the SAS agenda, under the CPTS', async () => {
    const events = await consoleSearch(cluster.proxy.origin, () => alice.session.accessToken(), BORDEAUX);
    const offer = events.find((e) => e.type === 'offer');
    const cpts = offer?.type === 'offer' ? offer.offer.cpts[0]?.cpts : undefined;
    expect(cpts, 'une CPTS dans l’offre de Bordeaux').toBeDefined();
    const answer = await put({
      availabilities: [
        {
          id: 'cpts-propre',
          cptsFiness: cpts!.finess,
          start: inHours(6),
          end: inHours(6.5),
          types: ['CPTS'],
          modes: ['cabinet'],
        },
      ],
    });
    expect(answer.status).toBe(200);
    const found = (await searchAgenda()).find((s) => s.id === 'sas-agenda/cpts-propre');
    expect(found).toMatchObject({ cptsFiness: cpts!.finess, types: ['CPTS'] });
    expect(found?.practitionerId).toBeUndefined();
  }, 60_000);
});

describe('the console’s calls, as IPC and the web harness dispatch them', () => {
  it('books and cancels through bookAgendaSlot / cancelAgendaAppointment; « Mes orientations » follows live', async () => {
    const services = createConsoleServices({
      environment: { mode: 'training', label: 'FORMATION', backendUrl: cluster.proxy.origin, version: 'test' },
      backendUrl: cluster.proxy.origin,
      settingsStore: new MemorySettingsStore(),
      journalStore: new MemoryJournalStore(),
      session: alice.session,
      openExternal: async () => {},
      newId: () => randomUUID(),
    });
    try {
      const lists: Appointment[][] = [];
      services.core.bus.on('appointments', (list) => lists.push(list));
      const listed = (id: string, status: string) =>
        vi.waitFor(() => expect(lists.at(-1)?.find((a) => a.id === id)?.status).toBe(status), { timeout: 10_000 });
      const [free] = await searchAgenda();
      expect(free).toBeDefined();

      const booked = await dispatchCall(services.core.calls, 'bookAgendaSlot', [
        { slotId: free!.id, origin: 'lrm.samu33' },
      ]);
      expect(booked).toMatchObject({ ok: true, value: { status: 'booked', agendaSlotId: free!.id } });
      const appointment = (booked as { value: Appointment }).value;
      await listed(appointment.id, 'booked');

      const taken = await dispatchCall(services.core.calls, 'bookAgendaSlot', [{ slotId: free!.id }]);
      expect(taken).toMatchObject({ ok: false, error: { code: 'agenda-slot-taken' } });
      const invalid = await dispatchCall(services.core.calls, 'bookAgendaSlot', [{ slotId: '' }]);
      expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });

      const cancelled = await dispatchCall(services.core.calls, 'cancelAgendaAppointment', [appointment.id]);
      expect(cancelled).toMatchObject({ ok: true, value: { id: appointment.id, status: 'cancelled' } });
      await listed(appointment.id, 'cancelled');
    } finally {
      await services.close();
    }
  }, 60_000);
});
