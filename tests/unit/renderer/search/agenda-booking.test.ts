// A SAS-agenda slot booked in the console: the chip's kind, what the confirmation shows (place, time in the
// search's zone, modes, whose phone), what a refusal leads to, the dialog's Tab wrap, and the chip shown booked
// until the backend's list carries the appointment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cpts, SosSite } from '@shared/domain/care-offer';
import type { CptsCard, PractitionerCard, SosSiteCard } from '@shared/ranking/results';
import { phaseAfterRefusal, canConfirm, wrappedFocusIndex } from '@renderer/search/cards/agenda-booking';
import { agendaConfirmation, contactLabel, placeLine } from '@renderer/search/cards/agenda-confirmation';
import { slotKind } from '@renderer/search/cards/slot-kind';
import { pendingBookings } from '@renderer/search/cards/use-slot-context';
import { practitioner, slot } from '@tests/unit/renderer/fixtures';

const AGENDA_SLOT = slot('r1', 'sas-agenda', '810000000001', '2025-11-27T14:30:00+01:00', {
  end: '2025-11-27T14:50:00+01:00',
  modes: ['cabinet', 'teleconsultation'],
});
delete (AGENDA_SLOT as { bookingUrl?: string }).bookingUrl;

const CPTS: Cpts = {
  finess: '470000001',
  name: 'CPTS du Pays d’Agen',
  phone: '+33553000001',
  memberIds: ['810000000001'],
  place: { line: '2 place du Pin', postalCode: '47000', city: 'Agen' },
};

function psCard(extra: Partial<PractitionerCard> = {}, mode: 'individual' | 'cpts' = 'individual'): PractitionerCard {
  const p = practitioner(1, {
    phone: '+33553000099',
    participation: { mode, acceptsBeyondSlots: true, ...(mode === 'cpts' ? { structureId: CPTS.finess } : {}) },
  });
  return {
    kind: 'practitioner',
    key: `ps:${p.nationalId}`,
    practitioner: p,
    isGp: false,
    slots: [AGENDA_SLOT],
    totalSlots: 1,
    acceptsBeyondSlots: true,
    ...extra,
  };
}

describe('the SAS-agenda chip', () => {
  it('books in the console whether or not the agenda gave a page, never « appelez »', () => {
    expect(slotKind(AGENDA_SLOT)).toBe('sas-agenda');
    expect(slotKind({ ...AGENDA_SLOT, bookingUrl: 'https://agenda.invalid/x' })).toBe('sas-agenda');
    expect(slotKind({ ...AGENDA_SLOT, withAppointment: false })).toBe('walk-in');
    expect(slotKind({ ...AGENDA_SLOT, sourceId: 'agendaplume' })).toBe('no-url');
    expect(slotKind({ ...AGENDA_SLOT, sourceId: 'agendaplume', bookingUrl: 'https://x.invalid' })).toBe('bookable');
  });

  it('a publisher that takes no regulator accounts: call the number, even with a booking page', () => {
    const refused = { ...AGENDA_SLOT, sourceId: 'cabinet-lumiere', regulatorAccountsRefused: true };
    expect(slotKind({ ...refused, bookingUrl: 'https://x.invalid' })).toBe('no-account');
    expect(slotKind(refused)).toBe('no-account');
    expect(slotKind({ ...refused, withAppointment: false })).toBe('walk-in');
  });
});

describe('the confirmation', () => {
  it('shows the practitioner, the place, the time in the search’s zone and the modes', () => {
    const c = agendaConfirmation(AGENDA_SLOT, psCard(), 'Europe/Paris');
    expect(c).toMatchObject({
      slotId: 'sas-agenda/r1',
      practitioner: 'Dr Anne Nom1',
      practitionerId: '810000000001',
      place: '1 rue Haute, 47000 Agen',
      when: 'jeu. 27 nov., 14:30 – 14:50',
      modes: ['Cabinet', 'Téléconsultation'],
    });
    // The same instant read in Martinique, as the chips of a search there read it.
    expect(agendaConfirmation(AGENDA_SLOT, psCard(), 'America/Martinique').when).toBe('jeu. 27 nov., 09:30 – 09:50');
  });

  it('gives the practitioner’s phone to a practitioner participating alone', () => {
    const c = agendaConfirmation(AGENDA_SLOT, psCard({ cpts: CPTS }), 'Europe/Paris');
    expect([c.phone, c.contact]).toEqual(['+33553000099', 'practitioner']);
    expect(contactLabel(c)).toBe('du professionnel');
  });

  it('gives the CPTS’s phone to a practitioner participating via a CPTS, and for a CPTS-typed slot', () => {
    const via = agendaConfirmation(AGENDA_SLOT, psCard({ cpts: CPTS }, 'cpts'), 'Europe/Paris');
    expect([via.phone, via.contact, contactLabel(via)]).toEqual([
      '+33553000001',
      'cpts',
      'de la CPTS CPTS du Pays d’Agen',
    ]);
    const cptsSlot = { ...AGENDA_SLOT, types: ['CPTS' as const] };
    expect(agendaConfirmation(cptsSlot, psCard({ cpts: CPTS }), 'Europe/Paris').phone).toBe('+33553000001');
    // Without a known CPTS number the practitioner's is still a number to call.
    expect(agendaConfirmation(cptsSlot, psCard(), 'Europe/Paris')).toMatchObject({
      phone: '+33553000099',
      contact: 'practitioner',
    });
  });

  it('on a CPTS card names the member the slot names, and the CPTS takes the hand-over', () => {
    const member = psCard({ cpts: CPTS }, 'cpts');
    const card: CptsCard = {
      kind: 'cpts',
      key: 'cpts:470000001',
      cpts: CPTS,
      contactPhone: CPTS.phone,
      slots: [],
      totalSlots: 0,
      members: [member],
      otherMembers: [],
    };
    expect(agendaConfirmation(AGENDA_SLOT, card, 'Europe/Paris')).toMatchObject({
      practitioner: 'Dr Anne Nom1',
      phone: '+33553000001',
      contact: 'cpts',
    });
    const anonymous = { ...AGENDA_SLOT, practitionerId: '810000000077' };
    expect(agendaConfirmation(anonymous, card, 'Europe/Paris')).toMatchObject({
      practitioner: 'CPTS du Pays d’Agen',
      place: '2 place du Pin, 47000 Agen',
    });
  });

  it('on an SOS Médecins site gives the site’s phone and address', () => {
    const site: SosSite = {
      id: 'sos-1',
      associationName: 'SOS Médecins Agen',
      name: 'Temps n°1',
      phone: '+33553000036',
      place: { line: '5 rue du Temps', postalCode: '47000', city: 'Agen' },
    };
    const card: SosSiteCard = { kind: 'sos', key: 'sos:sos-1', site, slots: [], totalSlots: 0 };
    const sosSlot = { ...AGENDA_SLOT, practitionerId: undefined } as typeof AGENDA_SLOT;
    const c = agendaConfirmation(sosSlot, card, 'Europe/Paris');
    expect(c).toMatchObject({
      practitioner: 'SOS Médecins Agen — Temps n°1',
      place: '5 rue du Temps, 47000 Agen',
      phone: '+33553000036',
      contact: 'sos',
    });
    expect(contactLabel(c)).toBe('du site SOS Médecins');
  });

  it('prefers the slot’s own place and writes nothing for an empty one', () => {
    const placed = { ...AGENDA_SLOT, place: { organizationName: 'Cabinet du Pin', line: '9 rue Basse', city: 'Agen' } };
    expect(agendaConfirmation(placed, psCard(), 'Europe/Paris').place).toBe('Cabinet du Pin, 9 rue Basse, Agen');
    expect(placeLine({ line: '  ' })).toBeUndefined();
    expect(placeLine(undefined)).toBeUndefined();
  });
});

describe('a refused booking', () => {
  it('says in plain French that another regulator took it, and the chip goes out of reach', () => {
    const { phase, slotGone } = phaseAfterRefusal({ code: 'agenda-slot-taken', message: 'Conflict' });
    expect(slotGone).toBe(true);
    expect(phase).toEqual({
      kind: 'taken',
      message:
        'Un autre régulateur vient de prendre ce créneau. Il n’est plus disponible : choisissez un autre créneau.',
    });
    expect(canConfirm(phase)).toBe(false);
  });

  it('keeps the backend’s words for a slot that left the agenda', () => {
    const message = 'Ce créneau n’existe plus dans l’agenda SAS.';
    expect(phaseAfterRefusal({ code: 'agenda-slot-unknown', message })).toEqual({
      phase: { kind: 'taken', message },
      slotGone: true,
    });
  });

  it('lets the regulator try again after any other failure, the chip untouched', () => {
    const { phase, slotGone } = phaseAfterRefusal({ code: 'backend-unreachable', message: 'Serveur SAS injoignable.' });
    expect(slotGone).toBe(false);
    expect(phase).toEqual({
      kind: 'failed',
      message: 'Le rendez-vous n’a pas été enregistré : Serveur SAS injoignable.',
    });
    expect(canConfirm(phase)).toBe(true);
    expect(canConfirm({ kind: 'sending' })).toBe(false);
  });
});

describe('Tab inside the dialog', () => {
  it('wraps from the last element to the first and back, and lets the browser move in between', () => {
    expect(wrappedFocusIndex(3, 2, false)).toBe(0);
    expect(wrappedFocusIndex(3, 0, true)).toBe(2);
    expect(wrappedFocusIndex(3, 1, false)).toBeUndefined();
    expect(wrappedFocusIndex(3, -1, false)).toBe(0);
    expect(wrappedFocusIndex(0, -1, true)).toBeUndefined();
  });

  it('always lands inside the dialog', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: -1, max: 19 }), fc.boolean(), (n, i, back) => {
        const current = Math.min(i, n - 1);
        const next = wrappedFocusIndex(n, current, back);
        // Either the browser's own move stays inside (a neighbour exists), or the wrap picks an element.
        if (next === undefined) expect(back ? current - 1 : current + 1).toBeGreaterThanOrEqual(0);
        else expect(next >= 0 && next < n).toBe(true);
        if (next === undefined) expect(back ? current - 1 : current + 1).toBeLessThan(n);
      }),
    );
  });
});

describe('the chip booked from this tab', () => {
  it('stays booked until the backend’s list names the appointment, then the list decides', () => {
    const local = new Map([
      ['rdv-1', 'a@1'],
      ['rdv-2', 'b@2'],
    ]);
    expect([...pendingBookings(local, [{ id: 'rdv-1' }]).keys()]).toEqual(['rdv-2']);
    expect(pendingBookings(local, [{ id: 'autre' }])).toBe(local);
  });
});
