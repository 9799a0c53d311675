// Where the generator puts things: communes drawn in proportion to their population, practices jittered around a
// commune's centroid but kept inside the department's outline, and a fictitious street address for each.
import type { GeoPoint, Place } from '@shared/domain/care-offer';
import type { Random } from '@shared/util/random';
import type { Commune, CommuneTable } from '../../geo/communes';
import { kmToLatDegrees, kmToLonDegrees } from '../../geo/distance';
import type { DepartmentOutlines } from '../../geo/outlines';
import { STREET_COUNTS, streetLine } from './names';

const round5 = (value: number) => Math.round(value * 100_000) / 100_000;

/** A commune of the plan, by name; a wrong plan is a programming error. */
export function communeNamed(communes: CommuneTable, name: string, department: string): Commune {
  const commune = communes.byName(name, department)[0];
  if (!commune) throw new Error(`commune « ${name} » absente du département ${department}`);
  return commune;
}

/** Radius of the disc a practice is drawn in around its commune's centroid: larger for larger towns. */
const jitterKm = (commune: Commune) => Math.min(2.5, 0.4 + Math.sqrt(commune.population) / 300);

/** A point near the commune's centroid, inside the department's outline; undefined if none was found. */
export function pointNear(random: Random, commune: Commune, outlines: DepartmentOutlines): GeoPoint | undefined {
  const reach = jitterKm(commune);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const angle = random.next() * 2 * Math.PI;
    const distance = Math.sqrt(random.next()) * reach;
    const point = {
      lat: round5(commune.point.lat + Math.sin(angle) * kmToLatDegrees(distance)),
      lon: round5(commune.point.lon + Math.cos(angle) * kmToLonDegrees(distance, commune.point.lat)),
    };
    if (outlines.contains(commune.department, point)) return point;
  }
  return undefined;
}

export function placeIn(random: Random, commune: Commune, point: GeoPoint): Place {
  return {
    line: streetLine(
      random.int(1, 120),
      random.int(0, STREET_COUNTS.types - 1),
      random.int(0, STREET_COUNTS.names - 1),
    ),
    ...(commune.postcodes[0] ? { postalCode: commune.postcodes[0] } : {}),
    city: commune.name,
    inseeCode: commune.insee,
    point,
  };
}

/** Draws communes in proportion to their population. */
export function populationSampler(communes: readonly Commune[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const commune of communes) {
    total += Math.max(commune.population, 1);
    cumulative.push(total);
  }
  return (random: Random): Commune => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) <= target) low = middle + 1;
      else high = middle;
    }
    return communes[low] as Commune;
  };
}
