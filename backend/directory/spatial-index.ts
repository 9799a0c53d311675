// A fixed grid over latitude/longitude for radius queries: a query visits only the cells its bounding box
// touches, then keeps the entries whose great-circle distance is within the radius. The care offer is a few
// thousand to a few hundred thousand points: a grid is simple, and fast enough at every radius of the SAS table.
// (France is far from the antimeridian: longitudes do not wrap.)
import type { GeoPoint } from '../../shared/domain/care-offer';
import { distanceKm, kmToLatDegrees, kmToLonDegrees } from '../geo/distance';

export interface SpatialEntry<T> {
  point: GeoPoint;
  value: T;
}

interface SpatialHit<T> {
  value: T;
  point: GeoPoint;
  distanceKm: number;
}

export interface SpatialIndex<T> {
  readonly size: number;
  /** Entries within `radiusKm` of `center` (bound included), nearest first. */
  within(center: GeoPoint, radiusKm: number): SpatialHit<T>[];
}

/** About 5.5 km of latitude: a town-scale radius touches a handful of cells. */
const DEFAULT_CELL_DEGREES = 0.05;
const SLACK_DEGREES = 1e-7;

export function createGridIndex<T>(
  entries: readonly SpatialEntry<T>[],
  cellDegrees: number = DEFAULT_CELL_DEGREES,
): SpatialIndex<T> {
  const cells = new Map<string, SpatialEntry<T>[]>();
  const cellOf = (degrees: number) => Math.floor(degrees / cellDegrees);
  let size = 0;
  for (const entry of entries) {
    if (!Number.isFinite(entry.point.lat) || !Number.isFinite(entry.point.lon)) continue;
    const key = `${cellOf(entry.point.lat)}:${cellOf(entry.point.lon)}`;
    const cell = cells.get(key);
    if (cell) cell.push(entry);
    else cells.set(key, [entry]);
    size += 1;
  }

  const hitsIn = (candidates: Iterable<SpatialEntry<T>[]>, center: GeoPoint, radiusKm: number) => {
    const hits: SpatialHit<T>[] = [];
    for (const cell of candidates) {
      for (const entry of cell) {
        const distance = distanceKm(center, entry.point);
        if (distance <= radiusKm) hits.push({ value: entry.value, point: entry.point, distanceKm: distance });
      }
    }
    return hits.sort((a, b) => a.distanceKm - b.distanceKm);
  };

  return {
    size,
    within(center, radiusKm) {
      if (!(radiusKm >= 0) || !Number.isFinite(center.lat) || !Number.isFinite(center.lon)) return [];
      // A centimetre of slack: a point a rounding error across a cell edge still gets its cell visited.
      const latSpan = kmToLatDegrees(radiusKm) + SLACK_DEGREES;
      const lonSpan = kmToLonDegrees(radiusKm, center.lat) + SLACK_DEGREES;
      const [latLow, latHigh] = [cellOf(center.lat - latSpan), cellOf(center.lat + latSpan)];
      const [lonLow, lonHigh] = [cellOf(center.lon - lonSpan), cellOf(center.lon + lonSpan)];
      const boxCells = (latHigh - latLow + 1) * (lonHigh - lonLow + 1);
      // A huge radius: the box has more cells than the index holds, so walking the index is cheaper.
      if (boxCells > cells.size) return hitsIn(cells.values(), center, radiusKm);
      const candidates: SpatialEntry<T>[][] = [];
      for (let lat = latLow; lat <= latHigh; lat += 1) {
        for (let lon = lonLow; lon <= lonHigh; lon += 1) {
          const cell = cells.get(`${lat}:${lon}`);
          if (cell) candidates.push(cell);
        }
      }
      return hitsIn(candidates, center, radiusKm);
    },
  };
}
