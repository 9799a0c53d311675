// The ordering rule of result cards (see README.md): pinned (the GP) first; then the patient's own territory (a CPTS
// whose territory holds the patient's commune); then by distance when the patient's location is an address, else in
// the seeded neutral order. Ties in distance are broken by the seeded order too,
// so equal distances do not favour whoever comes first in the directory.
import type { GeocodePrecision } from '../domain/search';
import { seededKey } from './seeded-order';

export type Ordering = 'distance' | 'seeded';

export interface OrderRule {
  /** Precision of the geocoded location; `street` (an address) orders by distance. */
  precision?: GeocodePrecision;
  /** Seed of the neutral order (the search id): same seed, same order. */
  seed: string;
}

export interface Orderable {
  /** Stable id of the card (national id, FINESS, site id). */
  id: string;
  distanceKm?: number;
  pinned?: boolean;
  /** Serves the patient's own commune (a CPTS whose territory holds it): after the pinned card, before the others. */
  local?: boolean;
}

export function orderingFor(precision: GeocodePrecision | undefined): Ordering {
  return precision === 'street' ? 'distance' : 'seeded';
}

/** A sorted copy (a permutation of the input). */
export function orderCards<T>(items: readonly T[], rule: OrderRule, view: (item: T) => Orderable): T[] {
  const byDistance = orderingFor(rule.precision) === 'distance';
  const decorated = items.map((item) => {
    const v = view(item);
    const distance = v.distanceKm;
    return {
      item,
      id: v.id,
      pinned: v.pinned === true ? 0 : 1,
      local: v.local === true ? 0 : 1,
      // Unknown distances go last: a card without coordinates cannot claim to be nearest.
      distance: byDistance
        ? distance !== undefined && Number.isFinite(distance)
          ? distance
          : Number.POSITIVE_INFINITY
        : 0,
      key: seededKey(rule.seed, v.id),
    };
  });
  decorated.sort(
    (a, b) =>
      a.pinned - b.pinned ||
      a.local - b.local ||
      a.distance - b.distance ||
      a.key - b.key ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return decorated.map((d) => d.item);
}
