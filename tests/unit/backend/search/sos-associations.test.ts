// SOS Médecins publishers are asked by association and answer with every consultation site of it: the SAS keeps the
// slots of each site of the associations asked, whatever the site's own id, and drops what it did not ask for.
import { describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import { computeSearchWindow } from '@shared/fhir/build-search';
import { publisherRequestUrl, mapPublisherAnswer } from '@backend/search/adapters';
import { aggregateSlots, type PublisherSource } from '@backend/search/aggregator';
import { CircuitBreaker } from '@backend/search/circuit-breaker';
import { sosBundle } from '@tests/support/sos-bundle';

const BASE = 'https://sos.example/fhir';
const ASSOCIATION = '334173748400020';
const OTHER_ASSOCIATION = '390000000000011';

function source(ids: string[]): PublisherSource {
  return {
    kind: 'publisher',
    info: { id: 'sos-planning', name: 'SOS planning', kind: 'publisher' },
    flavour: 'sos',
    baseUrl: BASE,
    cpts: false,
    regulatorAccounts: true,
    ids,
  };
}

async function run(body: unknown, ids: string[]): Promise<{ slots: Slot[]; urls: string[] }> {
  const window = computeSearchWindow(Date.parse('2030-03-14T08:00:00+01:00'));
  const events: SearchEvent[] = [];
  const urls: string[] = [];
  await aggregateSlots(
    [source(ids)],
    window,
    {
      get: async (url) => {
        urls.push(url);
        return { ok: true, body, bytes: 0, durationMs: 1 };
      },
      buildUrl: publisherRequestUrl,
      map: mapPublisherAnswer,
      agendaSlots: async () => [],
      breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000 }),
      concurrency: 2,
      budgetMs: 5_000,
      now: () => performance.now(),
    },
    (event) => events.push(event),
    new AbortController().signal,
  );
  const slots = events.flatMap((e) => (e.type === 'slots' ? e.slots : []));
  return { slots, urls };
}

describe('SOS Médecins search by association', () => {
  it('asks actor:Location.organization.identifier with the association’s IDNST (3+SIRET)', async () => {
    const { urls } = await run(sosBundle(BASE, []), [`3${ASSOCIATION}`]);
    expect(urls).toHaveLength(1);
    expect(urls[0]).toContain(`actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C3${ASSOCIATION}`);
  });

  it('keeps the slots of every site of the association asked, though no site id was asked', async () => {
    const body = sosBundle(BASE, [
      {
        siteId: 'SITE-CENTRE',
        associationId: `3${ASSOCIATION}`,
        name: 'Centre',
        starts: ['2030-03-14T10:00:00+01:00'],
      },
      { siteId: 'SITE-NORD', associationId: `3${ASSOCIATION}`, name: 'Nord', starts: ['2030-03-14T11:00:00+01:00'] },
    ]);
    const { slots } = await run(body, [`3${ASSOCIATION}`]);
    expect(slots.map((s) => s.sosSiteId).sort()).toEqual(['SITE-CENTRE', 'SITE-NORD']);
    expect(slots.every((s) => s.sosAssociationId === `3${ASSOCIATION}`)).toBe(true);
  });

  it('drops a slot of a site outside the associations asked, and one that names a practitioner', async () => {
    const body = sosBundle(
      BASE,
      [
        {
          siteId: 'SITE-CENTRE',
          associationId: `3${ASSOCIATION}`,
          name: 'Centre',
          starts: ['2030-03-14T10:00:00+01:00'],
        },
        {
          siteId: 'SITE-AILLEURS',
          associationId: `3${OTHER_ASSOCIATION}`,
          name: 'Ailleurs',
          starts: ['2030-03-14T10:20:00+01:00'],
        },
      ],
      { practitionerSlot: { nationalId: '810002673899', start: '2030-03-14T12:00:00+01:00' } },
    );
    const { slots } = await run(body, [`3${ASSOCIATION}`]);
    expect(slots.map((s) => s.sosSiteId)).toEqual(['SITE-CENTRE']);
    expect(slots.some((s) => s.practitionerId !== undefined)).toBe(false);
  });

  it('still matches a site by its own identifier when the directory only knows the site', async () => {
    const body = sosBundle(BASE, [
      {
        siteId: '1339900128',
        associationId: `3${OTHER_ASSOCIATION}`,
        name: 'Centre',
        starts: ['2030-03-14T10:00:00+01:00'],
      },
    ]);
    const { slots } = await run(body, ['1339900128']);
    expect(slots.map((s) => s.sosSiteId)).toEqual(['1339900128']);
  });
});
