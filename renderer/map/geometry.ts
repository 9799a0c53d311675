// Map geometry without the map library: the search radius as a polygon and the bounds to frame the results.
// Pure, so it is unit-tested and the map chunk stays about drawing.
import type { GeoPoint } from '../../shared/domain/care-offer';

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/** A closed ring of [lon, lat] points at `radiusKm` (great-circle) around `center`: the search radius drawn. */
export function circleRing(center: GeoPoint, radiusKm: number, steps = 96): [number, number][] {
  const count = Math.max(8, Math.floor(steps));
  const angular = Math.max(0, radiusKm) / EARTH_RADIUS_KM;
  const lat1 = toRad(center.lat);
  const lon1 = toRad(center.lon);
  const ring: [number, number][] = [];
  for (let i = 0; i < count; i += 1) {
    const bearing = (2 * Math.PI * i) / count;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
    const lon2 =
      lon1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
        Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([((toDeg(lon2) + 540) % 360) - 180, toDeg(lat2)]);
  }
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
}

export type Bounds = [[number, number], [number, number]];

/** [[west, south], [east, north]] around the points, or undefined when there is none. */
export function boundsOf(points: readonly (readonly [number, number])[]): Bounds | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return Number.isFinite(west)
    ? [
        [west, south],
        [east, north],
      ]
    : undefined;
}

/** Whether a value is a usable WGS 84 point. */
export function isGeoPoint(point: GeoPoint | undefined): point is GeoPoint {
  return (
    point !== undefined &&
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180
  );
}
