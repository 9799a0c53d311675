// « Mes orientations » you act on: the call behind each appointment (from the console's memory of its tabs), the
// place, the short reference that tells twins apart, the status history in local time, the LRM transmission state,
// and which action each appointment offers.
import { describe, expect, it } from 'vitest';
import type { OpenBookingRequest } from '@shared/api/console-api';
import type { Appointment } from '@shared/domain/appointment';
import { appointmentRows } from '@renderer/orientations/appointment-rows';
import {
  appointmentAction,
  historyLines,
  localMoment,
  lrmLine,
  shortReference,
} from '@renderer/orientations/appointment-details';
import { callContextOfTab, callLabel } from '@renderer/orientations/call-context';
import { CallMemory, callFor, type CallContext } from '@renderer/orientations/call-memory';
import { EMPTY_TAB_LINKS } from '@renderer/orientations/tab-links';
import { statusLabel } from '@renderer/orientations/appointment-rows';
import { emptyForm } from '@renderer/search/search-query';
import { initialWorkspace, reduceWorkspace, type SearchTab } from '@renderer/search/workspace';

/** Thursday 27 November 2025, 10:00 in Paris. */
const NOW = Date.parse('2025-11-27T09:00:00Z');
const PARIS = 'Europe/Paris';

function appointment(id: string, extra: Partial<Appointment> = {}): Appointment {
  return {
    id,
    publisherId: 'agendaplume',
    publisherAppointmentId: `RDV-${id}`,
    status: 'booked',
    start: '2025-11-27T14:30:00+01:00',
    end: '2025-11-27T14:50:00+01:00',
    operatorId: '899999000005',
    practitionerId: '899990002299',
    practitionerName: 'Dr Paul Lavandevif',
    searchId: 'recherche-1',
    updatedAt: '2025-11-27T09:00:00.000Z',
    ...extra,
  };
}

const LAUNCH_CALL: CallContext = {
  searchId: 'recherche-1',
  fromLrm: true,
  lrmOrigin: 'TEST-SAMU000',
  commune: 'Agen',
  specialty: 'Médecine générale',
  launchedAt: Date.parse('2025-11-27T08:58:00Z'),
};

const REQUEST: OpenBookingRequest = {
  searchId: 'recherche-1',
  slotId: 'agendaplume/s1',
  sourceId: 'agendaplume',
  bookingUrl: 'https://agendaplume.invalid/reserver/s1',
  practitionerId: '899990002299',
  origin: 'TEST-SAMU000',
};

function launchedTab(): SearchTab {
  let state = reduceWorkspace(initialWorkspace, {
    type: 'open',
    tab: {
      id: 'onglet-1',
      origin: { kind: 'launch', launchId: 'l1', lrmOrigin: 'TEST-SAMU000' },
      openedAt: LAUNCH_CALL.launchedAt,
      form: { ...emptyForm, locationText: '101 boulevard des Lilas, Agen' },
      query: {
        location: { city: 'Agen', inseeCode: '47001', streetName: 'boulevard des Lilas', streetNumber: '101' },
        specialty: { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' } },
      },
      warnings: [],
    },
  });
  state = reduceWorkspace(state, { type: 'started', tabId: 'onglet-1', searchId: 'recherche-1' });
  const tab = state.tabs[0];
  if (!tab) throw new Error('no tab');
  return tab;
}

describe('the call behind a search', () => {
  it('is read from the tab: LRM origin, commune (never the street), specialty, launch time', () => {
    const context = callContextOfTab(launchedTab());
    expect(context).toMatchObject({
      searchId: 'recherche-1',
      fromLrm: true,
      lrmOrigin: 'TEST-SAMU000',
      commune: 'Agen',
    });
    expect(context?.specialty).toMatch(/générale/iu);
    expect(JSON.stringify(context)).not.toMatch(/Lilas/u);
    expect(callLabel(LAUNCH_CALL, PARIS)).toBe('Appel LRM TEST-SAMU000 · Agen · Médecine générale · lancé à 09:58');
    expect(callLabel({ ...LAUNCH_CALL, fromLrm: false, lrmOrigin: undefined } as CallContext, PARIS)).toBe(
      'Recherche manuelle · Agen · Médecine générale · lancé à 09:58',
    );
  });

  it('has none before the search started (nothing to key it by)', () => {
    const tab = { ...launchedTab() };
    delete tab.searchId;
    expect(callContextOfTab(tab)).toBeUndefined();
  });

  it('is kept once the tab is closed, and a changed tab updates it', () => {
    const memory = new CallMemory();
    let notified = 0;
    memory.subscribe(() => (notified += 1));
    memory.recordCalls([LAUNCH_CALL]);
    memory.recordCalls([LAUNCH_CALL]);
    expect(notified).toBe(1);
    memory.recordCalls([]);
    expect(callFor(memory.getSnapshot(), 'recherche-1')).toEqual(LAUNCH_CALL);
    memory.recordCalls([{ ...LAUNCH_CALL, commune: 'Le Passage' }]);
    expect(callFor(memory.getSnapshot(), 'recherche-1')?.commune).toBe('Le Passage');
    expect(callFor(memory.getSnapshot(), undefined)).toBeUndefined();
  });

  it('forgets the oldest first past a shift’s worth', () => {
    const memory = new CallMemory();
    memory.recordCalls(Array.from({ length: 1_005 }, (_, i) => ({ ...LAUNCH_CALL, searchId: `r${i}` })));
    expect(memory.getSnapshot().calls.size).toBe(1_000);
    expect(callFor(memory.getSnapshot(), 'r0')).toBeUndefined();
    expect(callFor(memory.getSnapshot(), 'r1004')).toBeDefined();
  });
});

describe('each entry', () => {
  it('names its call and place from the memory, or says the call is unknown', () => {
    const memory = new CallMemory();
    memory.recordCalls([LAUNCH_CALL]);
    memory.rememberBooking('recherche-1', '899990002299', { request: REQUEST, place: '3 rue du Pin, 47000 Agen' });
    const [known, unknown] = appointmentRows(
      [appointment('a-1'), appointment('b-2', { searchId: 'recherche-9', updatedAt: '2025-11-27T08:00:00Z' })],
      EMPTY_TAB_LINKS,
      NOW,
      memory.getSnapshot(),
    );
    expect(known).toMatchObject({ callKnown: true, place: '3 rue du Pin, 47000 Agen' });
    expect(known?.call).toMatch(/^Appel LRM TEST-SAMU000 · Agen · Médecine générale · lancé à \d\d:\d\d$/u);
    expect(unknown).toMatchObject({ callKnown: false });
    expect(unknown?.call).toMatch(/^Appel d’origine inconnu/u);
    expect(unknown?.place).toBeUndefined();
  });

  it('tells apart two appointments at the same time with the same practitioner', () => {
    const rows = appointmentRows(
      [
        appointment('5e1f0c2a-1111-4000-8000-000000000001'),
        appointment('9b7d3e44-2222-4000-8000-000000000002', { searchId: 'recherche-2' }),
        appointment('c0ffee00-3333-4000-8000-000000000003', { start: '2025-11-27T15:30:00+01:00' }),
      ],
      EMPTY_TAB_LINKS,
      NOW,
    );
    const byRef = new Map(rows.map((r) => [r.reference, r.twin]));
    expect(byRef).toEqual(
      new Map([
        ['5e1f0c2a', true],
        ['9b7d3e44', true],
        ['c0ffee00', false],
      ]),
    );
    expect(shortReference('ab-cd-ef-01-23')).toBe('abcdef01');
  });

  it('lists its statuses oldest first, at local times, and says when it was created', () => {
    const a = appointment('a-1', {
      history: [
        { status: 'booked', at: '2025-11-27T08:31:00Z' },
        { status: 'cancelled', at: '2025-11-27T08:47:00Z' },
      ],
    });
    expect(historyLines(a, NOW, statusLabel, PARIS).map((l) => l.text)).toEqual(['09:31 — Confirmé', '09:47 — Annulé']);
    expect(localMoment('2025-11-26T16:05:00Z', NOW, PARIS)).toBe('mer. 26 nov. 17:05');
    expect(localMoment('pas une date', NOW, PARIS)).toBeUndefined();
    const [row] = appointmentRows([a], EMPTY_TAB_LINKS, NOW);
    expect(row?.history).toHaveLength(2);
    expect(row?.created).toMatch(/^créé à \d\d:\d\d$/u);
    expect(appointmentRows([appointment('b')], EMPTY_TAB_LINKS, NOW)[0]?.history).toEqual([]);
  });
});

describe('the LRM transmission state', () => {
  it('reads transmitted, pending, refused with its reason (or code), and nothing when absent', () => {
    const at = '2025-11-27T08:40:00Z';
    expect(lrmLine({ state: 'transmitted', at })).toEqual({ state: 'transmitted', text: 'Transmis au LRM' });
    expect(lrmLine({ state: 'pending', at })).toEqual({
      state: 'pending',
      text: 'En attente de transmission au LRM',
    });
    expect(lrmLine({ state: 'refused', at, code: '404', reason: 'rendez-vous inconnu' })?.text).toBe(
      'Refusé par le LRM (rendez-vous inconnu)',
    );
    expect(lrmLine({ state: 'refused', at, code: '400' })?.text).toBe('Refusé par le LRM (400)');
    expect(lrmLine({ state: 'refused', at })?.text).toBe('Refusé par le LRM');
    expect(lrmLine(undefined)).toBeUndefined();
  });
});

describe('what can be done with an entry', () => {
  it('cancels a SAS-agenda appointment still held, nothing once cancelled', () => {
    const memory = new CallMemory().getSnapshot();
    expect(appointmentAction(appointment('a', { publisherId: 'sas-agenda' }), memory)).toEqual({
      kind: 'cancel-agenda',
    });
    expect(appointmentAction(appointment('a', { publisherId: 'sas-agenda', status: 'cancelled' }), memory)).toEqual({
      kind: 'none',
    });
  });

  it('re-opens the publisher’s page last opened for that search and practitioner, else says why not', () => {
    const memory = new CallMemory();
    expect(appointmentAction(appointment('a'), memory.getSnapshot())).toEqual({ kind: 'no-page' });
    memory.rememberBooking('recherche-1', '899990002299', { request: REQUEST });
    const later = { ...REQUEST, slotId: 'agendaplume/s2', bookingUrl: 'https://agendaplume.invalid/reserver/s2' };
    memory.rememberBooking('recherche-1', '899990002299', { request: later });
    expect(appointmentAction(appointment('a'), memory.getSnapshot())).toEqual({ kind: 'reopen', request: later });
    // Another practitioner of the same search, or the same practitioner from another search: not that page.
    expect(appointmentAction(appointment('a', { practitionerId: '810000000001' }), memory.getSnapshot()).kind).toBe(
      'no-page',
    );
    expect(appointmentAction(appointment('a', { searchId: 'recherche-2' }), memory.getSnapshot()).kind).toBe('no-page');
  });

  it('keeps the page when only the place is remembered afterwards', () => {
    const memory = new CallMemory();
    memory.rememberBooking('recherche-1', '899990002299', { request: REQUEST });
    memory.rememberBooking('recherche-1', '899990002299', { place: '3 rue du Pin' });
    expect(memory.getSnapshot().bookings.get('recherche-1|899990002299')).toEqual({
      request: REQUEST,
      place: '3 rue du Pin',
    });
  });
});
