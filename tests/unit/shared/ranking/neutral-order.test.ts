// The neutral, useful order: SOS Médecins sites take their place by distance among the practitioners around an
// address, the CPTS of the patient's own commune comes first in second intention, and a zone keeps the seeded order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { CareOffer, GeocodePrecision, SearchEvent } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import { collectSearchEvents, rankResults } from '@shared/ranking/results';

const NOW = Date.parse('2024-06-12T08:00:00Z');
const START = '2024-06-12T16:00:00+02:00';

const ps = (id: string, insee = '47001'): Practitioner => ({
  nationalId: id,
  familyName: `Nom${id}`,
  specialties: [],
  places: [{ city: 'x', inseeCode: insee }],
});
const sos = (id: string): SosSite => ({ id, associationName: 'SOS Médecins Agen', name: id, place: { city: 'Agen' } });
const slotFor = (holder: { practitionerId?: string; sosSiteId?: string }, index: number): Slot => ({
  id: `pub/${index}`,
  start: START,
  end: '2024-06-12T16:20:00+02:00',
  types: ['SNP'],
  modes: ['cabinet'],
  withAppointment: true,
  sourceId: 'pub',
  specialties: [],
  ...holder,
});

function rank(precision: GeocodePrecision, offer: CareOffer, seed = 'seed-1', gp?: string) {
  const slots = [
    ...offer.practitioners.map((p, i) => slotFor({ practitionerId: p.practitioner.nationalId }, i)),
    ...offer.sosSites.map((s, i) => slotFor({ sosSiteId: s.site.id }, 1000 + i)),
  ];
  const events: SearchEvent[] = [
    {
      type: 'location',
      location: {
        point: { lat: 44.2, lon: 0.62 },
        precision,
        label: 'Agen',
        inseeCode: '47001',
        radiusKm: 10,
        enlargements: 0,
      },
    },
    { type: 'offer', offer, gp: gp ? { state: 'found', nationalId: gp } : { state: 'not-provided' } },
    { type: 'slots', sourceId: 'pub', slots },
  ];
  return rankResults(collectSearchEvents(events), { seed, now: NOW });
}

const OFFER: CareOffer = {
  practitioners: [
    { practitioner: ps('FAR'), distanceKm: 20, isGp: false },
    { practitioner: ps('NEAR'), distanceKm: 0.6, isGp: false },
    { practitioner: ps('MID'), distanceKm: 5, isGp: false },
    { practitioner: ps('GP'), distanceKm: 27, isGp: false },
  ],
  cpts: [],
  sosSites: [
    { site: sos('SOS-NEAR'), distanceKm: 0.16 },
    { site: sos('SOS-FAR'), distanceKm: 12 },
  ],
  sources: [],
};
const keys = (cards: readonly { key: string }[]) => cards.map((c) => c.key);

describe('first intention with SOS Médecins', () => {
  it('around an address: SOS sites interleaved by distance, the GP still first', () => {
    const results = rank('street', OFFER, 'seed-1', 'GP');
    expect(keys(results.firstIntentionWithSos)).toEqual([
      'ps:GP',
      'sos:SOS-NEAR',
      'ps:NEAR',
      'ps:MID',
      'sos:SOS-FAR',
      'ps:FAR',
    ]);
    // The sections keep their own order too.
    expect(keys(results.sosSites)).toEqual(['sos:SOS-NEAR', 'sos:SOS-FAR']);
  });

  it('around a commune: the seeded order per section, SOS sites after the practitioners', () => {
    const results = rank('commune', OFFER);
    expect(results.ordering).toBe('seeded');
    expect(keys(results.firstIntentionWithSos)).toEqual([...keys(results.firstIntention), ...keys(results.sosSites)]);
    // Different seeds, different orders (not the distance order in disguise).
    const orders = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) => keys(rank('commune', OFFER, seed).firstIntention).join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('property: by distance, every card after the GP is no nearer than the one before', () => {
    const distance = fc.double({ min: 0, max: 200, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(distance, { minLength: 1, maxLength: 12 }),
        fc.array(distance, { maxLength: 4 }),
        fc.string(),
        (ds, sosDs, seed) => {
          const offer: CareOffer = {
            practitioners: ds.map((d, i) => ({ practitioner: ps(`P${i}`), distanceKm: d, isGp: i === 0 })),
            cpts: [],
            sosSites: sosDs.map((d, i) => ({ site: sos(`S${i}`), distanceKm: d })),
            sources: [],
          };
          const list = rank('street', offer, seed).firstIntentionWithSos;
          expect(list).toHaveLength(ds.length + sosDs.length);
          expect(list[0]?.key).toBe('ps:P0');
          const rest = list.slice(1).map((c) => c.distanceKm ?? Number.POSITIVE_INFINITY);
          for (let i = 1; i < rest.length; i += 1) expect(rest[i]!).toBeGreaterThanOrEqual(rest[i - 1]!);
        },
      ),
    );
  });
});

describe('second intention: the CPTS of the patient’s commune first', () => {
  const cpts = (finess: string, extra: Partial<Cpts> = {}): Cpts => ({
    finess,
    name: `CPTS ${finess}`,
    memberIds: [],
    ...extra,
  });
  const offerWith = (list: { cpts: Cpts; distanceKm: number }[]): CareOffer => ({
    practitioners: [],
    cpts: list,
    sosSites: [],
    sources: [],
  });

  it('its declared territory holds the commune: first, even farther away and whatever the seed', () => {
    const offer = offerWith([
      { cpts: cpts('470000001', { territory: ['47002', '47003'] }), distanceKm: 2 },
      { cpts: cpts('470000002', { territory: ['47001', '47004'] }), distanceKm: 24 },
      { cpts: cpts('470000003'), distanceKm: 5 },
    ]);
    for (const precision of ['street', 'commune'] as const) {
      for (const seed of ['a', 'b', 'c', 'd', 'e'])
        expect(rank(precision, offer, seed).secondIntention.cpts[0]?.key).toBe('cpts:470000002');
    }
    expect(keys(rank('street', offer).secondIntention.cpts)).toEqual([
      'cpts:470000002',
      'cpts:470000001',
      'cpts:470000003',
    ]);
  });

  it('no territory given: its seat or one of its members in the commune', () => {
    const member = ps('M', '47001');
    const bySeat = offerWith([
      { cpts: cpts('470000001'), distanceKm: 2 },
      { cpts: cpts('470000002', { place: { city: 'Agen', inseeCode: '47001' } }), distanceKm: 24 },
    ]);
    expect(rank('street', bySeat).secondIntention.cpts[0]?.key).toBe('cpts:470000002');
    const byMember: CareOffer = {
      ...offerWith([
        { cpts: cpts('470000001'), distanceKm: 2 },
        { cpts: cpts('470000002', { memberIds: ['M'] }), distanceKm: 24 },
      ]),
      practitioners: [{ practitioner: member, distanceKm: 1, isGp: false }],
    };
    expect(rank('street', byMember).secondIntention.cpts[0]?.key).toBe('cpts:470000002');
  });
});
