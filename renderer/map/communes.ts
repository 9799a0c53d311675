// Commune names for the offline base map, from the commune centroids the console ships (resources/geo/, served as the renderer's public folder,
// copied from the team's reference data: INSEE code, name, department, lat, lon, population...). Parsed here rather
// than shipped as GeoJSON: the TSV is half the size. Bad lines are skipped and counted, never thrown.
import type { FeatureCollection, Point } from 'geojson';

export const COMMUNES_FILE = 'communes-centroids.tsv';

interface CommuneProperties {
  name: string;
  population: number;
}

export interface ParsedCommunes {
  collection: FeatureCollection<Point, CommuneProperties>;
  /** Lines left out (wrong column count, unreadable coordinates, no name). */
  skipped: number;
  /** Why nothing could be read, when the header itself is wrong. */
  error?: string;
}

const REQUIRED = ['name', 'lat', 'lon', 'population'] as const;

export function parseCommuneCentroids(tsv: string): ParsedCommunes {
  const lines = tsv.split(/\r?\n/u);
  const header = (lines[0] ?? '').replace(/^\uFEFF/u, '').split('\t');
  const index = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof REQUIRED)[number],
    number
  >;
  const collection: FeatureCollection<Point, CommuneProperties> = { type: 'FeatureCollection', features: [] };
  const missing = REQUIRED.filter((name) => index[name] < 0);
  if (missing.length > 0)
    return {
      collection,
      skipped: 0,
      error: `Fichier des communes illisible : colonne(s) ${missing.join(', ')} absente(s).`,
    };
  let skipped = 0;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line === undefined || line.trim() === '') continue;
    const cells = line.split('\t');
    const name = cells[index.name]?.trim() ?? '';
    const lat = Number(cells[index.lat]);
    const lon = Number(cells[index.lon]);
    const population = Number(cells[index.population]);
    if (
      cells.length !== header.length ||
      name === '' ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      Math.abs(lat) > 90 ||
      Math.abs(lon) > 180
    ) {
      skipped += 1;
      continue;
    }
    collection.features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { name, population: Number.isFinite(population) && population >= 0 ? population : 0 },
    });
  }
  return { collection, skipped };
}
