// A client of the backend's `/api/search`, as the console's search service is: POST the query, read the NDJSON
// stream, and note when each event arrived (ms after the request was sent).
import { type ApiCredential, authorizationHeaders } from '@services/session/dpop-key';
import { SAS_AGENDA_ID } from '@backend/directory/publishers';
import type { SearchRequestBody } from '@backend/api/search-route';
import { readNdjson } from '@services/ndjson';
import type { SearchEvent, SourceStatus } from '@shared/domain/search';
import { readLines } from '@services/ndjson';

interface TimedEvent {
  at: number;
  event: SearchEvent;
}

export interface TimedSearch {
  status: number;
  events: TimedEvent[];
  /** Set when the request itself failed (connection, non-200 status, broken stream). */
  failure?: string;
}

export interface TimedSearchOptions {
  /**
   * Do not decode the slots themselves (their events keep their time and source, with no slots). For load tests:
   * fifty consoles are fifty machines, and one bench process decoding all their streams would be the bottleneck.
   */
  skipSlots?: boolean;
}

const SLOTS_LINE = /^\{"type":"slots","sourceId":("(?:[^"\\]|\\.)*")/u;

export async function timedSearch(
  backendUrl: string,
  credential: ApiCredential,
  body: SearchRequestBody,
  options: TimedSearchOptions = {},
): Promise<TimedSearch> {
  const started = performance.now();
  const events: TimedEvent[] = [];
  try {
    const response = await fetch(`${backendUrl}/api/search`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await authorizationHeaders(credential, 'POST', `${backendUrl}/api/search`)),
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return { status: response.status, events, failure: `HTTP ${response.status}` };
    }
    if (!options.skipSlots) {
      for await (const event of readNdjson(response.body))
        events.push({ at: performance.now() - started, event: event as SearchEvent });
    } else {
      for await (const line of readLines(response.body)) {
        const at = performance.now() - started;
        const slots = SLOTS_LINE.exec(line);
        if (slots?.[1])
          events.push({ at, event: { type: 'slots', sourceId: JSON.parse(slots[1]) as string, slots: [] } });
        else if (line.trim()) events.push({ at, event: JSON.parse(line) as SearchEvent });
      }
    }
    return { status: response.status, events };
  } catch (error) {
    return { status: 0, events, failure: error instanceof Error ? error.message : String(error) };
  }
}

/** The moments a regulator sees, read from one search's stream. */
export interface SearchMoments {
  /** First `slots` event, any source (the SAS agenda is read from the backend's own storage). */
  firstSlotsMs?: number;
  /** First `slots` event from a publisher. */
  firstPublisherSlotsMs?: number;
  /** The last source that got an answer (any HTTP answer, even an error status) has been reported. */
  allAnsweringDoneMs?: number;
  /** The `done` event. */
  doneMs?: number;
  /** Slots known for 5 distinct practitioners: the national platform's "5 cards with slots". */
  fiveCardsMs?: number;
  /** Same, counting publisher slots only (the SAS agenda is the backend's own storage, answered at once). */
  fivePublisherCardsMs?: number;
  statuses: SourceStatus[];
  errors: string[];
}

/** States of a source that did answer (timeouts and sources set aside by the circuit breaker did not). */
const ANSWERED_STATES = new Set(['answered', 'error']);

export function searchMoments(search: TimedSearch, cards = 5): SearchMoments {
  const moments: SearchMoments = { statuses: [], errors: search.failure ? [search.failure] : [] };
  const practitionersWithSlots = new Set<string>();
  const withPublisherSlots = new Set<string>();
  for (const { at, event } of search.events) {
    switch (event.type) {
      case 'slots':
        moments.firstSlotsMs ??= at;
        if (event.sourceId !== SAS_AGENDA_ID) moments.firstPublisherSlotsMs ??= at;
        for (const slot of event.slots) {
          if (!slot.practitionerId) continue;
          practitionersWithSlots.add(slot.practitionerId);
          if (event.sourceId !== SAS_AGENDA_ID) withPublisherSlots.add(slot.practitionerId);
        }
        if (practitionersWithSlots.size >= cards) moments.fiveCardsMs ??= at;
        if (withPublisherSlots.size >= cards) moments.fivePublisherCardsMs ??= at;
        break;
      case 'source-status':
        moments.statuses.push(event.status);
        if (ANSWERED_STATES.has(event.status.state))
          moments.allAnsweringDoneMs = Math.max(moments.allAnsweringDoneMs ?? 0, at);
        break;
      case 'done':
        moments.doneMs = at;
        break;
      case 'error':
        moments.errors.push(`${event.code}: ${event.message}`);
        break;
      default:
        break;
    }
  }
  return moments;
}
