// Small builders for the renderer's unit tests: a care offer, slots and sources as the search stream sends them.
import type { Practitioner } from '@shared/domain/care-offer';
import type { CareOffer, SearchEvent, SourceInfo } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';

export const SOURCE_A: SourceInfo = { id: 'a', name: 'Éditeur A', kind: 'publisher' };
export const SOURCE_B: SourceInfo = { id: 'b', name: 'Éditeur B', kind: 'publisher' };
export const AGENDA: SourceInfo = { id: 'sas-agenda', name: 'Agenda SAS', kind: 'sas-agenda' };

export function practitioner(n: number, extra: Partial<Practitioner> = {}): Practitioner {
  return {
    nationalId: `8100000000${String(n).padStart(2, '0')}`,
    familyName: `Nom${n}`,
    givenName: 'Anne',
    prefix: 'Dr',
    specialties: [{ system: 'TRE_R38', code: 'SM54' }],
    places: [{ line: `${n} rue Haute`, city: 'Agen', postalCode: '47000', point: { lat: 44.2 + n / 1000, lon: 0.62 } }],
    participation: { mode: 'individual', acceptsBeyondSlots: n % 2 === 0 },
    ...extra,
  };
}

export function slot(
  id: string,
  sourceId: string,
  practitionerId: string,
  start: string,
  extra: Partial<Slot> = {},
): Slot {
  return {
    id: `${sourceId}/${id}`,
    start,
    end: start,
    types: ['SNP'],
    modes: ['cabinet'],
    withAppointment: true,
    bookingUrl: `https://editeur.invalid/${id}`,
    sourceId,
    specialties: [],
    practitionerId,
    ...extra,
  };
}

export function offer(practitioners: Practitioner[], sources: SourceInfo[] = [SOURCE_A, SOURCE_B, AGENDA]): CareOffer {
  return {
    practitioners: practitioners.map((p, i) => ({ practitioner: p, distanceKm: i + 0.5, isGp: false })),
    cpts: [],
    sosSites: [],
    sources,
  };
}

export const LOCATION_EVENT: SearchEvent = {
  type: 'location',
  location: {
    point: { lat: 44.2, lon: 0.62 },
    precision: 'street',
    label: '1 rue Haute, 47000 Agen',
    radiusKm: 8,
    enlargements: 0,
  },
};
