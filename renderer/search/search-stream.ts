// What one search tab knows of its search, built only from the search stream's events (pure reducer).
// The stream sends location, offer, then slots/source-status per source, then done; a retry of failed sources
// sends location and offer again (with only the retried sources) followed by their slots and statuses; a further
// page of practitioners sends its offer (those practitioners and their sources) then their slots and statuses.
import type {
  CareOffer,
  GpLookup,
  ResolvedLocation,
  SearchEvent,
  SourceInfo,
  SourceStatus,
} from '../../shared/domain/search';
import type { Slot } from '../../shared/domain/slot';
import type { SearchState } from '../../shared/ranking/results';
import { mergeOffer } from './offer-merge';

type SearchPhase = 'starting' | 'running' | 'done';

export interface SearchError {
  code: string;
  message: string;
}

export interface SearchStreamState {
  phase: SearchPhase;
  location?: ResolvedLocation;
  offer?: CareOffer;
  gp?: GpLookup;
  /** Every source of the search in the order the offer named them (retries keep the original order). */
  sources: SourceInfo[];
  /** Last status of each source; a source without one is still pending. */
  statuses: Record<string, SourceStatus>;
  /** Slots by id: a slot sent twice (retry, two batches) is kept once. */
  slots: Record<string, Slot>;
  /** Grows with every change to `slots`, so views recompute cards only when slots changed. */
  slotsVersion: number;
  errors: SearchError[];
  durationMs?: number;
  /** Sources re-asked by "Relancer la recherche" and not answered again yet. */
  retrying: string[];
  /** When the last retry was asked (epoch ms): retried sources are waited for since then. */
  retriedAt?: number;
}

export const initialStreamState: SearchStreamState = {
  phase: 'starting',
  sources: [],
  statuses: {},
  slots: {},
  slotsVersion: 0,
  errors: [],
  retrying: [],
};

/** Applies one event of the stream. Unknown or out-of-order events never throw: the tab keeps what it has. */
export function applyStreamEvent(state: SearchStreamState, event: SearchEvent): SearchStreamState {
  switch (event.type) {
    case 'location':
      return { ...state, phase: state.phase === 'starting' ? 'running' : state.phase, location: event.location };
    case 'offer':
      return applyOffer(state, event.offer, event.gp);
    case 'slots': {
      if (event.slots.length === 0) return state;
      const slots = { ...state.slots };
      for (const slot of event.slots) slots[slot.id] = slot;
      return {
        ...state,
        phase: state.phase === 'starting' ? 'running' : state.phase,
        slots,
        slotsVersion: state.slotsVersion + 1,
      };
    }
    case 'source-status': {
      const { source } = event.status;
      const known = state.sources.some((s) => s.id === source.id);
      return {
        ...state,
        sources: known ? state.sources : [...state.sources, source],
        statuses: { ...state.statuses, [source.id]: event.status },
        retrying: state.retrying.filter((id) => id !== source.id),
      };
    }
    case 'error':
      return { ...state, errors: [...state.errors, { code: event.code, message: event.message }] };
    case 'done':
      // A retry's `done` also ends the sources it did not answer for (cancelled upstream): they are no longer waited for.
      return { ...state, phase: 'done', durationMs: event.durationMs, retrying: [] };
    default:
      return state;
  }
}

function applyOffer(state: SearchStreamState, offer: CareOffer, gp: GpLookup): SearchStreamState {
  if (!state.offer) {
    return { ...state, phase: 'running', offer, gp, sources: mergeSources(state.sources, offer.sources) };
  }
  // A retry: the care offer is the same search's; only the retried sources are listed and start again.
  const statuses = { ...state.statuses };
  for (const source of offer.sources) delete statuses[source.id];
  return {
    ...state,
    phase: 'running',
    // A further page or a retry's offer adds to the practitioners held (retries send the first page again).
    offer: mergeOffer(state.offer, offer),
    gp,
    sources: mergeSources(state.sources, offer.sources),
    statuses,
  };
}

function mergeSources(known: SourceInfo[], more: SourceInfo[]): SourceInfo[] {
  const ids = new Set(known.map((s) => s.id));
  return [...known, ...more.filter((s) => !ids.has(s.id))];
}

/**
 * "Relancer la recherche" was asked for these sources: they become pending again and their previous slots are
 * dropped (a partial answer is replaced by the new one, not added to).
 */
export function markRetrying(state: SearchStreamState, sourceIds: readonly string[], at: number): SearchStreamState {
  if (sourceIds.length === 0) return state;
  const wanted = new Set(sourceIds);
  const statuses = { ...state.statuses };
  for (const id of wanted) delete statuses[id];
  const slots: Record<string, Slot> = {};
  let dropped = false;
  for (const [id, slot] of Object.entries(state.slots)) {
    if (wanted.has(slot.sourceId)) dropped = true;
    else slots[id] = slot;
  }
  return {
    ...state,
    phase: 'running',
    statuses,
    slots: dropped ? slots : state.slots,
    slotsVersion: dropped ? state.slotsVersion + 1 : state.slotsVersion,
    retrying: [...new Set([...state.retrying, ...sourceIds])],
    retriedAt: at,
  };
}

/**
 * The ranking's view of this stream: slots grouped by source. Built here from slots kept by id, because a source
 * sends one `slots` event per batch of 25 practitioners and a retry replaces a source's slots (see markRetrying).
 */
export function toRankingState(state: SearchStreamState): SearchState {
  const slotsBySource = new Map<string, Slot[]>();
  for (const slot of Object.values(state.slots)) {
    const list = slotsBySource.get(slot.sourceId);
    if (list) list.push(slot);
    else slotsBySource.set(slot.sourceId, [slot]);
  }
  return {
    slotsBySource,
    ...(state.location ? { location: state.location } : {}),
    ...(state.offer ? { offer: state.offer } : {}),
    ...(state.gp ? { gp: state.gp } : {}),
  };
}
