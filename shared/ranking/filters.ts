// Result filters, as on the national platform: today / next days (Europe/Paris calendar), consultation modes,
// slot types, "créneaux disponibles uniquement". Each value comes with its count, computed as a facet: the count of
// a value is what the list would hold if that value were chosen, the other filters staying as they are.
import { CONSULTATION_MODES, SLOT_TYPES, type ConsultationMode, type Slot, type SlotType } from '../domain/slot';
import { parseInstant } from '../fhir/instant';
import { localDate } from '../util/time-zone';

/** `today`: slots starting on the current Paris day; `next-days`: on a later day. Absent: every day. */
const DAY_FILTERS = ['today', 'next-days'] as const;
export type DayFilter = (typeof DAY_FILTERS)[number];

export interface SearchFilters {
  day?: DayFilter;
  /** Empty or absent: every mode. A slot matches when it offers one of the chosen modes. */
  modes?: readonly ConsultationMode[];
  /** Empty or absent: every type. A slot matches when it has one of the chosen types. */
  types?: readonly SlotType[];
  /** "Créneaux disponibles uniquement": hide every card without a slot matching the other filters. */
  availableOnly?: boolean;
  /** Words the slot's reasons (Slot.serviceType.text) must contain, accents and case ignored. Empty: every slot. */
  reason?: string;
}

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether one of the slot's reasons holds every word typed (« controle » finds « Visite de contrôle »). */
export function reasonMatches(slot: Slot, typed: string | undefined): boolean {
  const words = folded(typed ?? '')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return true;
  return (slot.reasons ?? []).some((reason) => {
    const text = folded(reason);
    return words.every((w) => text.includes(w));
  });
}

export interface FacetCount<T> {
  value: T;
  /** Cards (practitioners, CPTS, SOS sites) holding at least one matching slot. */
  cards: number;
  slots: number;
}

export interface FilterFacets {
  day: FacetCount<DayFilter>[];
  modes: FacetCount<ConsultationMode>[];
  types: FacetCount<SlotType>[];
  /** Cards and slots left when "créneaux disponibles uniquement" is on (all filters applied). */
  available: { cards: number; slots: number };
}

// Slot start instants are parsed once per slot object: filters are re-applied on every click.
const startCache = new WeakMap<Slot, number>();

/** Epoch ms of a slot's start (NaN when unreadable: such a slot matches no day filter). */
export function slotStartMs(slot: Slot): number {
  let ms = startCache.get(slot);
  if (ms === undefined) {
    ms = parseInstant(slot.start)?.epochMs ?? Number.NaN;
    startCache.set(slot, ms);
  }
  return ms;
}

function slotDay(slot: Slot, today: string): DayFilter | undefined {
  const ms = slotStartMs(slot);
  if (Number.isNaN(ms)) return undefined;
  const day = localDate(ms);
  if (day === today) return 'today';
  return day > today ? 'next-days' : undefined;
}

type Facet = 'day' | 'modes' | 'types';

/** Whether a slot passes the filters, optionally ignoring one facet (for that facet's counts). */
export function slotMatches(slot: Slot, filters: SearchFilters, today: string, ignore?: Facet): boolean {
  if (ignore !== 'day' && filters.day !== undefined && slotDay(slot, today) !== filters.day) return false;
  const modes = filters.modes;
  if (ignore !== 'modes' && modes !== undefined && modes.length > 0 && !slot.modes.some((m) => modes.includes(m)))
    return false;
  const types = filters.types;
  if (ignore !== 'types' && types !== undefined && types.length > 0 && !slot.types.some((t) => types.includes(t)))
    return false;
  return reasonMatches(slot, filters.reason);
}

/** Facet counts over the slot holders (each inner array = one card's slots). */
export function countFacets(
  holders: readonly (readonly Slot[])[],
  filters: SearchFilters,
  today: string,
): FilterFacets {
  const day = DAY_FILTERS.map((value) => ({ value, cards: 0, slots: 0 }));
  const modes = CONSULTATION_MODES.map((value) => ({ value, cards: 0, slots: 0 }));
  const types = SLOT_TYPES.map((value) => ({ value, cards: 0, slots: 0 }));
  const available = { cards: 0, slots: 0 };
  const dayHit = new Array<boolean>(day.length);
  const modeHit = new Array<boolean>(modes.length);
  const typeHit = new Array<boolean>(types.length);
  for (const slots of holders) {
    dayHit.fill(false);
    modeHit.fill(false);
    typeHit.fill(false);
    let any = false;
    for (const slot of slots) {
      if (slotMatches(slot, filters, today)) {
        available.slots += 1;
        any = true;
      }
      if (slotMatches(slot, filters, today, 'day')) {
        const d = slotDay(slot, today);
        const i = d === undefined ? -1 : DAY_FILTERS.indexOf(d);
        const c = day[i];
        if (c !== undefined) {
          c.slots += 1;
          dayHit[i] = true;
        }
      }
      if (slotMatches(slot, filters, today, 'modes')) {
        modes.forEach((c, i) => {
          if (slot.modes.includes(c.value)) {
            c.slots += 1;
            modeHit[i] = true;
          }
        });
      }
      if (slotMatches(slot, filters, today, 'types')) {
        types.forEach((c, i) => {
          if (slot.types.includes(c.value)) {
            c.slots += 1;
            typeHit[i] = true;
          }
        });
      }
    }
    if (any) available.cards += 1;
    day.forEach((c, i) => (c.cards += dayHit[i] === true ? 1 : 0));
    modes.forEach((c, i) => (c.cards += modeHit[i] === true ? 1 : 0));
    types.forEach((c, i) => (c.cards += typeHit[i] === true ? 1 : 0));
  }
  return { day, modes, types, available };
}
