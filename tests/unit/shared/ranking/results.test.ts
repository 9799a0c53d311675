// From search events to cards: first / second intention, CPTS slots on the PS card, GP pinned, filters and counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { CareOffer, ResolvedLocation, SearchEvent } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import {
  applySearchEvent,
  collectSearchEvents,
  rankResults,
  restartSources,
  type PractitionerCard,
  type SearchState,
} from '@shared/ranking/results';

// "Now" is 00:30 on 13 June 2024 in Paris (22:30 UTC on the 12th): Paris's day decides what "today" is.
const NOW = Date.parse('2024-06-12T22:30:00Z');

const location = (precision: ResolvedLocation['precision']): ResolvedLocation => ({
  point: { lat: 44.2, lon: 0.62 },
  precision,
  label: 'Agen (47)',
  radiusKm: 10,
  enlargements: 0,
});

function ps(id: string, extra: Partial<Practitioner> = {}): Practitioner {
  return { nationalId: id, familyName: `Nom${id}`, specialties: [], places: [], ...extra };
}

let n = 0;
function slot(extra: Partial<Slot> & { start: string }): Slot {
  n += 1;
  const startMs = Date.parse(extra.start);
  return {
    id: `pub/${n}`,
    end: new Date(startMs + 20 * 60_000).toISOString(),
    types: ['SNP'],
    modes: ['cabinet'],
    withAppointment: true,
    sourceId: 'pub',
    specialties: [],
    ...extra,
  };
}

const cpts: Cpts = { finess: '470000001', name: 'CPTS du Pays de l’Agenais', phone: '+33553000000', memberIds: ['E'] };
const site: SosSite = { id: 'S1', associationName: 'SOS Médecins Agen', name: 'Centre Agen', place: { city: 'Agen' } };

const offer: CareOffer = {
  practitioners: [
    { practitioner: ps('A', { phone: '+33553111111' }), distanceKm: 30, isGp: true },
    {
      practitioner: ps('B', {
        phone: '+33553222222',
        participation: { mode: 'cpts', structureId: '470000001', acceptsBeyondSlots: true },
      }),
      distanceKm: 2,
      isGp: false,
    },
    { practitioner: ps('C', { phone: '+33553333333' }), distanceKm: 1, isGp: false },
    {
      practitioner: ps('D', { participation: { mode: 'individual', acceptsBeyondSlots: true } }),
      distanceKm: 5,
      isGp: false,
    },
    { practitioner: ps('E'), distanceKm: 8, isGp: false },
  ],
  cpts: [{ cpts, distanceKm: 4 }],
  sosSites: [{ site, distanceKm: 3 }],
  sources: [],
};

const slotsB = [
  slot({ practitionerId: 'B', start: '2024-06-13T10:00:00+02:00', types: ['SNP'] }),
  slot({ practitionerId: 'B', start: '2024-06-13T08:00:00+02:00', types: ['CPTS'], cptsFiness: '470000001' }),
];
const slotsC = [
  slot({ practitionerId: 'C', start: '2024-06-14T09:00:00+02:00', modes: ['teleconsultation'], types: ['PUBLIC'] }),
];
const slotsSos = [slot({ sosSiteId: 'S1', start: '2024-06-13T18:00:00+02:00', withAppointment: false })];
const cptsOnly = [slot({ cptsFiness: '470000001', start: '2024-06-15T11:00:00+02:00', types: ['CPTS'] })];
const stray = [slot({ practitionerId: 'Z', start: '2024-06-13T09:00:00+02:00' })];

const events: SearchEvent[] = [
  { type: 'location', location: location('street') },
  { type: 'offer', offer, gp: { state: 'found', nationalId: 'A' } },
  { type: 'slots', sourceId: 'pub', slots: [...slotsB, ...stray] },
  { type: 'slots', sourceId: 'sos', slots: slotsSos },
  { type: 'slots', sourceId: 'sas-agenda', slots: [...slotsC, ...cptsOnly] },
  { type: 'done', durationMs: 1200 },
];

const keys = (cards: readonly { key: string }[]) => cards.map((c) => c.key);

describe('rankResults', () => {
  const state = collectSearchEvents(events);
  const results = rankResults(state, { seed: 'search-1', now: NOW });

  it('first intention: GP pinned first (even without slots), then PS with slots by distance', () => {
    expect(results.ordering).toBe('distance');
    expect(keys(results.firstIntention)).toEqual(['ps:A', 'ps:C', 'ps:B']);
    expect(results.firstIntention[0]).toMatchObject({ isGp: true, slots: [], totalSlots: 0 });
  });

  it('a PS card carries its CPTS slots, sorted by start, and the CPTS contact number', () => {
    const b = results.firstIntention.find((c) => c.key === 'ps:B') as PractitionerCard;
    expect(b.slots.map((s) => s.start)).toEqual(['2024-06-13T08:00:00+02:00', '2024-06-13T10:00:00+02:00']);
    expect(b.cpts?.finess).toBe('470000001');
    expect(b.contactPhone).toBe('+33553000000');
    const c = results.firstIntention.find((card) => card.key === 'ps:C') as PractitionerCard;
    expect(c.contactPhone).toBe('+33553333333');
  });

  it('slots for nobody in the offer are not shown', () => {
    const shown = [...results.firstIntention, ...results.secondIntention.practitioners].flatMap((c) => c.slots);
    expect(shown.some((s) => s.practitionerId === 'Z')).toBe(false);
  });

  it('second intention: CPTS cards with contact and every participating PS; PS accepting beyond slots, with or without slots', () => {
    expect(results.secondIntention.cpts).toHaveLength(1);
    const card = results.secondIntention.cpts[0];
    expect(card).toMatchObject({ key: 'cpts:470000001', contactPhone: '+33553000000', totalSlots: 1 });
    expect(card?.slots.map((s) => s.id)).toEqual(cptsOnly.map((s) => s.id));
    // B declares its participation; E is listed by the CPTS; ordered by distance.
    expect(keys(card?.members ?? [])).toEqual(['ps:B', 'ps:E']);
    expect(keys(results.secondIntention.practitioners)).toEqual(['ps:B', 'ps:D']);
    expect(results.secondIntention.practitioners[1]).toMatchObject({ slots: [], acceptsBeyondSlots: true });
  });

  it('SOS Médecins sites with their slots', () => {
    expect(keys(results.sosSites)).toEqual(['sos:S1']);
    expect(results.sosSites[0]?.slots).toEqual(slotsSos);
  });

  it('counts each filter value (facets over all cards with slots)', () => {
    expect(results.facets.day).toEqual([
      { value: 'today', cards: 2, slots: 3 }, // Paris's 13 June: B's two slots, the SOS one
      { value: 'next-days', cards: 2, slots: 2 }, // C on the 14th, the CPTS slot on the 15th
    ]);
    expect(results.facets.modes).toEqual([
      { value: 'cabinet', cards: 3, slots: 4 },
      { value: 'teleconsultation', cards: 1, slots: 1 },
      { value: 'domicile', cards: 0, slots: 0 },
    ]);
    expect(results.facets.types.find((t) => t.value === 'CPTS')).toEqual({ value: 'CPTS', cards: 2, slots: 2 });
    expect(results.facets.available).toEqual({ cards: 4, slots: 5 });
  });

  it('filter today (Paris calendar) keeps only today’s slots; counts of other facets follow', () => {
    const today = rankResults(state, { seed: 'search-1', now: NOW, filters: { day: 'today' } });
    expect(keys(today.firstIntention)).toEqual(['ps:A', 'ps:B']);
    expect(today.facets.day.map((d) => d.slots)).toEqual([3, 2]); // the day facet ignores its own choice
    expect(today.facets.modes.find((m) => m.value === 'teleconsultation')?.slots).toBe(0);
  });

  it('filters by mode and by slot type', () => {
    const tele = rankResults(state, { seed: 's', now: NOW, filters: { modes: ['teleconsultation'] } });
    expect(keys(tele.firstIntention)).toEqual(['ps:A', 'ps:C']);
    const cptsType = rankResults(state, { seed: 's', now: NOW, filters: { types: ['CPTS'] } });
    expect(cptsType.firstIntention.find((c) => c.key === 'ps:B')?.slots).toHaveLength(1);
    expect(cptsType.sosSites[0]?.slots).toEqual([]);
  });

  it('"créneaux disponibles uniquement" hides every card without a matching slot, the GP included', () => {
    const only = rankResults(state, { seed: 's', now: NOW, filters: { availableOnly: true } });
    expect(keys(only.firstIntention)).toEqual(['ps:C', 'ps:B']);
    expect(keys(only.secondIntention.practitioners)).toEqual(['ps:B']);
    const none = rankResults(state, { seed: 's', now: NOW, filters: { availableOnly: true, modes: ['domicile'] } });
    expect(none.firstIntention).toEqual([]);
    expect(none.sosSites).toEqual([]);
    expect(none.secondIntention.cpts).toEqual([]);
  });

  it('a zone (commune) gives the seeded order, reproducible, GP still first', () => {
    const zone = collectSearchEvents([{ type: 'location', location: location('commune') }, ...events.slice(1)]);
    const one = rankResults(zone, { seed: 'search-1', now: NOW });
    expect(one.ordering).toBe('seeded');
    expect(one.firstIntention[0]?.key).toBe('ps:A');
    expect(keys(rankResults(zone, { seed: 'search-1', now: NOW }).firstIntention)).toEqual(keys(one.firstIntention));
    const orders = new Set<string>();
    for (let i = 0; i < 40; i += 1)
      orders.add(keys(rankResults(zone, { seed: `s${i}`, now: NOW }).firstIntention).join());
    expect(orders.size).toBe(2); // C and B swap; A stays pinned
  });

  it('a GP named by the LRM but not found pins nobody', () => {
    const notFound = applySearchEvent(state, {
      type: 'offer',
      offer: { ...offer, practitioners: offer.practitioners.map((p) => ({ ...p, isGp: false })) },
      gp: { state: 'not-found', reference: { kind: 'name', text: 'Dr Martin' } },
    });
    expect(rankResults(notFound, { seed: 's', now: NOW }).firstIntention.some((c) => c.isGp)).toBe(false);
  });

  it('a retried source starts afresh: its earlier slots are dropped before it answers again', () => {
    const retried = restartSources(state, ['sas-agenda']);
    const r = rankResults(retried, { seed: 's', now: NOW });
    expect(keys(r.firstIntention)).toEqual(['ps:A', 'ps:B']);
    expect(r.secondIntention.cpts[0]?.totalSlots).toBe(0);
    expect(state.slotsBySource.get('sas-agenda')).toHaveLength(2); // the old state is untouched
  });

  it('batches of one source add up, each slot once', () => {
    const agenda = state.slotsBySource.get('sas-agenda') ?? [];
    const first = agenda[0]!;
    const more = applySearchEvent(state, {
      type: 'slots',
      sourceId: 'sas-agenda',
      slots: [first, { ...first, id: `${first.id}-2`, start: first.start }],
    });
    expect(more.slotsBySource.get('sas-agenda')).toHaveLength(agenda.length + 1);
  });

  it('before any event, there is nothing to show', () => {
    const empty = rankResults({ slotsBySource: new Map() }, { seed: 's', now: NOW });
    expect(empty.firstIntention).toEqual([]);
    expect(empty.facets.available).toEqual({ cards: 0, slots: 0 });
  });
});

describe('rankResults (properties)', () => {
  const ids = fc.uniqueArray(fc.stringMatching(/^8\d{3}$/u), { minLength: 1, maxLength: 20 });
  const generated = fc
    .record({
      ids,
      gp: fc.nat(),
      withSlots: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      beyond: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      distances: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 20, maxLength: 20 }),
      precision: fc.constantFrom('street' as const, 'commune' as const),
      seed: fc.string(),
    })
    .map(({ ids: list, gp, withSlots, beyond, distances, precision, seed }) => {
      const gpId = list[gp % list.length];
      const state: SearchState = {
        location: location(precision),
        offer: {
          practitioners: list.map((id, i) => ({
            practitioner: ps(id, { participation: { mode: 'individual', acceptsBeyondSlots: beyond[i] === true } }),
            distanceKm: distances[i] ?? 0,
            isGp: id === gpId,
          })),
          cpts: [],
          sosSites: [],
          sources: [],
        },
        slotsBySource: new Map([
          [
            'pub',
            list
              .filter((_, i) => withSlots[i] === true)
              .map((id) => slot({ practitionerId: id, start: '2024-06-13T10:00:00+02:00' })),
          ],
        ]),
      };
      return { state, gpId, seed, withSlots: list.filter((_, i) => withSlots[i] === true) };
    });

  it('first intention = the GP then exactly the PS with slots; reproducible; GP first', () => {
    fc.assert(
      fc.property(generated, ({ state, gpId, seed, withSlots }) => {
        const r = rankResults(state, { seed, now: NOW });
        expect(r.firstIntention[0]?.practitioner.nationalId).toBe(gpId);
        expect(new Set(keys(r.firstIntention))).toEqual(new Set([gpId, ...withSlots].map((id) => `ps:${id}`)));
        expect(keys(rankResults(state, { seed, now: NOW }).firstIntention)).toEqual(keys(r.firstIntention));
        const second = r.secondIntention.practitioners;
        expect(second.every((c) => c.acceptsBeyondSlots)).toBe(true);
        if (second.some((c) => c.isGp)) expect(second[0]?.isGp).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scale', () => {
  it('ranks and counts 1,000 practitioner cards with 10 slots each', () => {
    const practitioners = Array.from({ length: 1000 }, (_, i) => ({
      practitioner: ps(`8${String(i).padStart(11, '0')}`),
      distanceKm: (i * 7919) % 100,
      isGp: i === 500,
    }));
    const slots = practitioners.flatMap((p, i) =>
      Array.from({ length: 10 }, (_, k) =>
        slot({
          practitionerId: p.practitioner.nationalId,
          start: new Date(NOW + (i * 10 + k) * 60_000).toISOString(),
          modes: k % 2 === 0 ? ['cabinet'] : ['teleconsultation'],
        }),
      ),
    );
    const state: SearchState = {
      location: location('street'),
      offer: { practitioners, cpts: [], sosSites: [], sources: [] },
      slotsBySource: new Map([['pub', slots]]),
    };
    const r = rankResults(state, { seed: 'big', now: NOW, filters: { modes: ['teleconsultation'] } });
    expect(r.firstIntention).toHaveLength(1000);
    expect(r.firstIntention[0]?.isGp).toBe(true);
    expect(r.firstIntention[1]?.distanceKm).toBe(0);
    expect(r.facets.available).toEqual({ cards: 1000, slots: 5000 });
    expect(r.facets.modes[0]).toEqual({ value: 'cabinet', cards: 1000, slots: 5000 });
  });
});
