// P3's baseline: the search algorithm the national SAS platform documents (domain.md "Search"), run over the same
// publishers and data as ours. The care offer around the patient, nearest first, is asked in batches of 25
// practitioners, one batch after another: each batch asks the publishers holding its practitioners (one request
// per publisher, ≤ 25 ids) and the SAS agenda for the others, and waits for every answer (or the time budget)
// before the page shows the batch; it stops once 5 cards have slots. Built from the backend's own parts (geocoder,
// directory, publisher client, request builder and answer mapping), so only the strategy differs.
import type { OfferDirectory, LocationResolver, PublisherRegistry } from '@backend/search/ports';
import type { PublisherSource } from '@backend/search/aggregator';
import type { PublisherClient } from '@backend/search/publisher-client';
import { mapPublisherAnswer, publisherRequestUrl } from '@backend/search/adapters';
import { DEFAULT_SPECIALTY } from '@backend/search/search-service';
import { SAS_AGENDA_ID } from '@backend/directory/publishers';
import type { SearchQuery } from '@shared/domain/search';
import type { SearchWindow } from '@shared/fhir/build-search';

const PLATFORM_BATCH_SIZE = 25;
const PLATFORM_CARDS_WANTED = 5;

export interface BaselineDeps {
  locations: LocationResolver;
  directory: OfferDirectory;
  publishers: PublisherRegistry;
  client: PublisherClient;
  /** Practitioners among `ids` with at least one SAS agenda slot in the window. */
  agendaHolders: (ids: readonly string[], window: SearchWindow) => Promise<Set<string>>;
  window: (now: Date) => SearchWindow;
}

export interface BaselineOutcome {
  /** ms from the start until 5 practitioners with slots are on the page; absent if the offer never gets there. */
  fiveCardsMs?: number;
  /** Same, counting publisher slots only (the SAS agenda is the backend's own storage). */
  fivePublisherCardsMs?: number;
  batches: number;
  requests: number;
}

export async function platformBaselineSearch(deps: BaselineDeps, query: SearchQuery): Promise<BaselineOutcome> {
  const started = performance.now();
  const signal = new AbortController().signal;
  const specialty = query.specialty ?? DEFAULT_SPECIALTY;
  const located = await deps.locations.locate(query.location, specialty, signal);
  if (!located.ok) throw new Error(`baseline: location refused (${located.code})`);
  // An address: by distance, nearest first (what `practitionersWithin` returns).
  const offer = deps.directory
    .practitionersWithin(located.location.point, located.location.radiusKm, specialty)
    .map((hit) => hit.item);
  const window = deps.window(new Date());
  const withSlots = new Set<string>();
  const withPublisherSlots = new Set<string>();
  const outcome: BaselineOutcome = { batches: 0, requests: 0 };

  for (let first = 0; first < offer.length; first += PLATFORM_BATCH_SIZE) {
    const batch = offer.slice(first, first + PLATFORM_BATCH_SIZE);
    outcome.batches += 1;
    const byPublisher = new Map<string, string[]>();
    const agendaIds: string[] = [];
    for (const practitioner of batch) {
      const source = practitioner.agendaSource;
      if (!source) continue;
      if (source === SAS_AGENDA_ID) agendaIds.push(practitioner.nationalId);
      else byPublisher.set(source, [...(byPublisher.get(source) ?? []), practitioner.nationalId]);
    }
    const asks: Promise<{ ids: string[]; publisher: boolean }>[] = [];
    for (const [id, ids] of byPublisher) {
      const entry = deps.publishers.get(id);
      if (!entry) continue;
      const source: PublisherSource = {
        kind: 'publisher',
        info: { id: entry.id, name: entry.name, kind: 'publisher' },
        flavour: entry.flavour,
        baseUrl: entry.fhirBaseUrl,
        cpts: entry.cpts,
        regulatorAccounts: entry.regulatorAccounts,
        ids,
      };
      outcome.requests += 1;
      asks.push(
        deps.client.get(publisherRequestUrl(source, ids, window), signal).then((response) => {
          if (!response.ok) return { ids: [], publisher: true };
          const asked = new Set(ids);
          const holders = mapPublisherAnswer(response.body, source).slots.flatMap((slot) =>
            slot.practitionerId && asked.has(slot.practitionerId) ? [slot.practitionerId] : [],
          );
          return { ids: holders, publisher: true };
        }),
      );
    }
    if (agendaIds.length > 0)
      asks.push(deps.agendaHolders(agendaIds, window).then((holders) => ({ ids: [...holders], publisher: false })));
    // The platform shows a batch once all of it has answered.
    for (const answer of await Promise.all(asks)) {
      for (const id of answer.ids) {
        withSlots.add(id);
        if (answer.publisher) withPublisherSlots.add(id);
      }
    }
    const now = performance.now() - started;
    if (withSlots.size >= PLATFORM_CARDS_WANTED) outcome.fiveCardsMs ??= now;
    if (withPublisherSlots.size >= PLATFORM_CARDS_WANTED) outcome.fivePublisherCardsMs ??= now;
    if (outcome.fiveCardsMs !== undefined && outcome.fivePublisherCardsMs !== undefined) break;
  }
  return outcome;
}
