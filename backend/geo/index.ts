// Geocoding and search radius: the commune table, the radius table, the geocoder. Data files in resources/geo/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCommuneTable, parseCommunesTsv, type CommuneTable } from './communes';
import { parseRadiusTable, withCommuneFallbacks, type RadiusTable } from './radius-table';
import type { TableIssue } from './tsv';
import { parseDepartmentOutlines, type DepartmentOutlines } from './outlines';
import { createAddressServiceClient } from './address-service';
import { createGeocoder, type Geocoder } from './geocoder';
import { createTokenBucket } from '../limits/token-bucket';

export * from './address-service';
export * from './communes';
export * from './departments';
export * from './distance';
export * from './geocoder';
export * from './locate';
export * from './names';
export * from './outlines';
export * from './radius';
export * from './radius-table';

const DEFAULT_GEO_DIR = fileURLToPath(new URL('../../resources/geo/', import.meta.url));
const COMMUNES_FILE = 'communes-centroids.tsv';
const RADIUS_FILE = 'sas-search-radius-2025.tsv';

export interface GeoData {
  communes: CommuneTable;
  /** With missing overseas values completed from the communes. */
  radii: RadiusTable;
  /** Rows skipped while reading the files (none with the shipped files). */
  issues: { file: string; issue: TableIssue }[];
}

export async function loadGeoData(dir: string = DEFAULT_GEO_DIR): Promise<GeoData> {
  const [communesText, radiusText] = await Promise.all([
    readFile(join(dir, COMMUNES_FILE), 'utf8'),
    readFile(join(dir, RADIUS_FILE), 'utf8'),
  ]);
  const parsedCommunes = parseCommunesTsv(communesText);
  const parsedRadii = parseRadiusTable(radiusText);
  const communes = createCommuneTable(parsedCommunes.communes);
  return {
    communes,
    radii: withCommuneFallbacks(parsedRadii.table, communes),
    issues: [
      ...parsedCommunes.issues.map((issue) => ({ file: COMMUNES_FILE, issue })),
      ...parsedRadii.issues.map((issue) => ({ file: RADIUS_FILE, issue })),
    ],
  };
}

const OUTLINES_FILE = 'departements-metropole-simplifie.geojson';

/** The metropolitan department outlines shipped for the offline base map. */
export async function loadDepartmentOutlines(dir: string = DEFAULT_GEO_DIR): Promise<DepartmentOutlines> {
  const parsed = parseDepartmentOutlines(JSON.parse(await readFile(join(dir, OUTLINES_FILE), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.outlines;
}

/** The geocoder over the shipped data: communes offline, streets too when an address service URL is configured. */
export function geocoderFor(
  geo: GeoData,
  addressServiceUrl?: string,
  /** Requests per second to the address service, shared by every search of this geocoder. */
  ratePerSecond = 40,
): Geocoder {
  const rateLimiter = createTokenBucket({ ratePerSecond, burst: Math.max(1, Math.floor(ratePerSecond / 8)) });
  return createGeocoder({
    communes: geo.communes,
    radii: geo.radii,
    ...(addressServiceUrl
      ? { addressService: createAddressServiceClient({ url: addressServiceUrl, rateLimiter }) }
      : {}),
  });
}
