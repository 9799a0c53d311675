// Great-circle distances on a spherical Earth: at the scale of a search radius (a few to a hundred km) the error
// against the ellipsoid (< 0.5 %) is far below the precision of a commune centroid.
import type { GeoPoint } from '../../shared/domain/care-offer';

const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Degrees of latitude spanned by `km` (the same everywhere). */
export function kmToLatDegrees(km: number): number {
  return (km / (Math.PI * EARTH_RADIUS_KM)) * 180;
}

/**
 * Degrees of longitude spanned by `km` at this latitude, taken at the box edge nearest the pole so a bounding box
 * built from it always contains the circle.
 */
export function kmToLonDegrees(km: number, lat: number): number {
  const edgeLat = Math.min(89.9, Math.abs(lat) + kmToLatDegrees(km));
  return kmToLatDegrees(km) / Math.max(Math.cos(toRadians(edgeLat)), 1e-6);
}
