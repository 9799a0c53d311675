// Participation decides where a CPTS slot shows: on the card of a practitioner participating via that CPTS, never
// on the card of one participating individually or not at all (it stays a slot of the CPTS it names), and a slot
// offered through several CPTS keeps them all.
import { describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import type { Slot, SlotType } from '@shared/domain/slot';
import { computeSearchWindow } from '@shared/fhir/build-search';
import { aggregateSlots, type PublisherSource } from '@backend/search/aggregator';
import { CircuitBreaker } from '@backend/search/circuit-breaker';

const VIA_CPTS = '810000000011';
const INDIVIDUAL = '810000000029';
const NOT_PARTICIPATING = '810000000037';
const CPTS_A = '330000019';
const CPTS_B = '330000027';

function slot(id: string, practitionerId: string, types: SlotType[], cpts: string[] = []): Slot {
  return {
    id: `editeur-a/${id}`,
    start: `2030-03-14T1${id.length % 10}:00:00+01:00`,
    end: `2030-03-14T1${id.length % 10}:20:00+01:00`,
    types,
    modes: ['cabinet'],
    withAppointment: true,
    sourceId: 'editeur-a',
    specialties: [],
    practitionerId,
    place: { city: 'Bordeaux' },
    ...(cpts.length > 0 ? { cptsFiness: cpts[0], cptsFinesses: cpts } : {}),
  };
}

async function shown(answer: Slot[]): Promise<Slot[]> {
  const source: PublisherSource = {
    kind: 'publisher',
    info: { id: 'editeur-a', name: 'Éditeur A', kind: 'publisher' },
    flavour: 'ps',
    baseUrl: 'https://editeur-a.example/fhir',
    cpts: true,
    regulatorAccounts: true,
    ids: [VIA_CPTS, INDIVIDUAL, NOT_PARTICIPATING],
    cptsByPractitioner: new Map([[VIA_CPTS, CPTS_A]]),
  };
  const events: SearchEvent[] = [];
  await aggregateSlots(
    [source],
    computeSearchWindow(Date.parse('2030-03-14T08:00:00+01:00')),
    {
      get: async () => ({ ok: true, body: {}, bytes: 0, durationMs: 1 }),
      buildUrl: () => 'https://editeur-a.example/fhir/Slot',
      map: () => ({ slots: answer, issueCount: 0 }),
      agendaSlots: async () => [],
      breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000 }),
      concurrency: 2,
      budgetMs: 5_000,
      now: () => performance.now(),
    },
    (event) => events.push(event),
    new AbortController().signal,
  );
  return events.flatMap((e) => (e.type === 'slots' ? e.slots : []));
}

describe('where a CPTS slot shows', () => {
  it('on the card of a practitioner participating via that CPTS', async () => {
    const [s] = await shown([slot('a', VIA_CPTS, ['CPTS'], [CPTS_A])]);
    expect(s).toMatchObject({ practitionerId: VIA_CPTS, cptsFiness: CPTS_A });
  });

  it('not on the card of a practitioner participating individually: it stays a slot of its CPTS', async () => {
    const slots = await shown([slot('bb', INDIVIDUAL, ['CPTS'], [CPTS_A])]);
    expect(slots).toHaveLength(1);
    expect(slots[0]?.practitionerId).toBeUndefined();
    expect(slots[0]?.cptsFiness).toBe(CPTS_A);
  });

  it('not for a practitioner who does not participate, nor anywhere when it names no CPTS', async () => {
    expect(await shown([slot('ccc', NOT_PARTICIPATING, ['CPTS'])])).toEqual([]);
  });

  it('not for a member of another CPTS than the one the slot is offered through', async () => {
    const slots = await shown([slot('dddd', VIA_CPTS, ['CPTS'], [CPTS_B])]);
    expect(slots.map((s) => [s.practitionerId, s.cptsFiness])).toEqual([[undefined, CPTS_B]]);
  });

  it('a slot offered through several CPTS keeps them all, and shows for a member of one of them', async () => {
    const [s] = await shown([slot('eeeee', VIA_CPTS, ['CPTS', 'SNP'], [CPTS_B, CPTS_A])]);
    expect(s?.practitionerId).toBe(VIA_CPTS);
    expect(s?.cptsFinesses).toEqual([CPTS_B, CPTS_A]);
    expect(s?.cptsFiness).toBe(CPTS_A);
  });

  it('other slots are untouched', async () => {
    const [s] = await shown([slot('ffffff', INDIVIDUAL, ['SNP'])]);
    expect(s?.practitionerId).toBe(INDIVIDUAL);
  });
});
