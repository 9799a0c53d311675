// MSP and centres de santé come as second-intention cards, nearest first, with their phone; a practitioner
// participating through an MSP gets the MSP's number for patients beyond slots.
import { describe, expect, it } from 'vitest';
import type { CareOffer } from '@shared/domain/search';
import { GENERAL_MEDICINE } from '@shared/domain/specialties';
import { collectSearchEvents, rankResults } from '@shared/ranking/results';

const offer: CareOffer = {
  practitioners: [
    {
      practitioner: {
        nationalId: '810000000001',
        familyName: 'Viamsp',
        specialties: [GENERAL_MEDICINE],
        places: [{ point: { lat: 44.2, lon: 0.6 } }],
        phone: '+33 5 53 00 00 09',
        participation: { mode: 'msp', structureId: '470000001', acceptsBeyondSlots: true },
      },
      distanceKm: 1,
      isGp: false,
    },
  ],
  cpts: [],
  sosSites: [],
  sources: [],
  structures: [
    { structure: { finess: '470000002', kind: 'cds', name: 'CDS loin' }, distanceKm: 4 },
    {
      structure: { finess: '470000001', kind: 'msp', name: 'MSP près', phone: '+33 5 53 11 11 11' },
      distanceKm: 2,
    },
  ],
};

const rank = () =>
  rankResults(collectSearchEvents([{ type: 'offer', offer, gp: { state: 'not-provided' } }]), {
    seed: 'recherche-1',
    now: Date.parse('2026-10-08T08:00:00Z'),
  });

describe('structure cards', () => {
  it('lists MSP and centres de santé in the second intention, nearest first, with their phone', () => {
    const results = rank();
    expect(results.secondIntention.structures.map((c) => [c.structure.name, c.contactPhone])).toEqual([
      ['MSP près', '+33 5 53 11 11 11'],
      ['CDS loin', undefined],
    ]);
  });

  it("gives a practitioner participating via an MSP the MSP's number beyond slots", () => {
    const results = rank();
    const card = results.secondIntention.practitioners[0];
    expect(card?.msp?.name).toBe('MSP près');
    expect(card?.contactPhone).toBe('+33 5 53 11 11 11');
  });
});
