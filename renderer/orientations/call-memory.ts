// What the console remembers about the calls behind the appointments, only in this renderer's memory while it runs
// (never stored, never sent): for each search id, the call it served (LRM origin, commune, specialty, when it was
// launched); for each search and practitioner, the booking page last opened (to re-open it at the publisher) and
// the place shown when the regulator booked. The backend's appointment only carries the search id.
// A small external store (for useSyncExternalStore): plain TypeScript, no React, no DOM.
import type { OpenBookingRequest } from '../../shared/api/console-api';

export interface CallContext {
  searchId: string;
  /** The tab came from an LRM launch (its origin, when the LRM named itself). */
  fromLrm: boolean;
  lrmOrigin?: string;
  commune?: string;
  specialty?: string;
  /** Epoch ms when the tab was opened. */
  launchedAt: number;
}

export interface RememberedBooking {
  /** The booking page last opened for this search and practitioner (absent for SAS-agenda bookings). */
  request?: OpenBookingRequest;
  /** The practice's address as the card showed it. */
  place?: string;
}

export interface CallMemorySnapshot {
  calls: ReadonlyMap<string, CallContext>;
  bookings: ReadonlyMap<string, RememberedBooking>;
}

export const EMPTY_CALL_MEMORY: CallMemorySnapshot = { calls: new Map(), bookings: new Map() };

/** A shift's worth: the oldest are forgotten first, so the memory cannot grow without bound. */
const MAX_ENTRIES = 1_000;

/** Bookings are remembered per search and practitioner (an appointment names both). */
function bookingKey(searchId: string, practitionerId: string | undefined): string {
  return `${searchId}|${practitionerId ?? ''}`;
}

function bounded<K, V>(map: Map<K, V>): Map<K, V> {
  while (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
  return map;
}

function sameCall(a: CallContext | undefined, b: CallContext): boolean {
  return (
    a !== undefined &&
    a.fromLrm === b.fromLrm &&
    a.lrmOrigin === b.lrmOrigin &&
    a.commune === b.commune &&
    a.specialty === b.specialty &&
    a.launchedAt === b.launchedAt
  );
}

export class CallMemory {
  private snapshot: CallMemorySnapshot = EMPTY_CALL_MEMORY;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): CallMemorySnapshot => this.snapshot;

  /** The calls of the open tabs; those of closed tabs are kept (their appointments still name them). */
  recordCalls(contexts: readonly CallContext[]): void {
    const fresh = contexts.filter((c) => !sameCall(this.snapshot.calls.get(c.searchId), c));
    if (fresh.length === 0) return;
    const calls = new Map(this.snapshot.calls);
    for (const context of fresh) {
      calls.delete(context.searchId);
      calls.set(context.searchId, { ...context });
    }
    this.update({ ...this.snapshot, calls: bounded(calls) });
  }

  /** What the regulator opened or confirmed for a practitioner of a search; a later one replaces it. */
  readonly rememberBooking = (searchId: string, practitionerId: string | undefined, booking: RememberedBooking) => {
    const key = bookingKey(searchId, practitionerId);
    const known = this.snapshot.bookings.get(key);
    const bookings = new Map(this.snapshot.bookings);
    bookings.delete(key);
    // A SAS-agenda confirmation after a page was opened keeps that page: it is still the publisher's way back.
    bookings.set(key, { ...known, ...booking });
    this.update({ ...this.snapshot, bookings: bounded(bookings) });
  };

  private update(next: CallMemorySnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** The call an appointment came from, when this console launched its search since it started. */
export function callFor(memory: CallMemorySnapshot, searchId: string | undefined): CallContext | undefined {
  return searchId === undefined ? undefined : memory.calls.get(searchId);
}

/** The booking remembered for an appointment's search and practitioner. */
export function bookingFor(
  memory: CallMemorySnapshot,
  searchId: string | undefined,
  practitionerId: string | undefined,
): RememberedBooking | undefined {
  return searchId === undefined ? undefined : memory.bookings.get(bookingKey(searchId, practitionerId));
}
