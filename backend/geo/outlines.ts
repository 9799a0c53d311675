// Department outlines (resources/geo/departements-metropole-simplifie.geojson, properties `code` and `nom`): the
// UI's offline base map, and here a point-in-department test (training data set checks, sanity checks).
import { z } from 'zod';
import type { GeoPoint } from '../../shared/domain/care-offer';
import { normalizeDepartmentCode } from './departments';

type Ring = [number, number][];
/** A polygon: outer ring then holes, coordinates [lon, lat]. */
type Polygon = Ring[];

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const collection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ properties: z.object({ code: z.string(), nom: z.string().optional() }), geometry })),
});

export interface DepartmentOutlines {
  readonly codes: string[];
  name(department: string): string | undefined;
  /** Whether the point lies inside the department's (simplified) outline. */
  contains(department: string, point: GeoPoint): boolean;
  /** The department whose outline contains the point, if any. */
  departmentAt(point: GeoPoint): string | undefined;
}

/** Even-odd rule over every ring: a point inside a hole crosses the outer ring and the hole, so it is outside. */
function inPolygon(polygon: Polygon, { lat, lon }: GeoPoint): boolean {
  let inside = false;
  for (const points of polygon) {
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
      const [xi, yi] = points[i] as [number, number];
      const [xj, yj] = points[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export type OutlinesParseResult = { ok: true; outlines: DepartmentOutlines } | { ok: false; error: string };

export function parseDepartmentOutlines(geojson: unknown): OutlinesParseResult {
  const parsed = collection.safeParse(geojson);
  if (!parsed.success) return { ok: false, error: `contours de départements illisibles : ${parsed.error.message}` };
  const polygons = new Map<string, Polygon[]>();
  const names = new Map<string, string>();
  for (const feature of parsed.data.features) {
    const code = normalizeDepartmentCode(feature.properties.code);
    if (!code) continue;
    const shapes: Polygon[] =
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates as Polygon]
        : (feature.geometry.coordinates as Polygon[]);
    polygons.set(code, [...(polygons.get(code) ?? []), ...shapes]);
    if (feature.properties.nom) names.set(code, feature.properties.nom);
  }
  const contains = (department: string, point: GeoPoint) => {
    const code = normalizeDepartmentCode(department);
    return (code ? polygons.get(code) : undefined)?.some((polygon) => inPolygon(polygon, point)) ?? false;
  };
  return {
    ok: true,
    outlines: {
      codes: [...polygons.keys()].sort(),
      name: (department) => names.get(normalizeDepartmentCode(department) ?? ''),
      contains,
      departmentAt: (point) => [...polygons.keys()].find((code) => contains(code, point)),
    },
  };
}
