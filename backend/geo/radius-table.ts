// The national platform's search radius per department (resources/geo/sas-search-radius-2025.tsv, ANS, 2025):
// `cityDefaultRadius` km around a geocoded point, widened by `enlargementValue` km while too few practitioners are
// found, and `countyRadius` km around the department's barycentre when the location is the whole department.
//
// The file writes decimals with a comma and leaves some overseas values at 0 ("no value set"). A zero or unreadable
// value is treated as missing and replaced, in this order (each replacement is listed in `fallbacks`):
// - cityDefaultRadius → 20 km (the most common value in the metropolitan rows);
// - enlargementValue → half the city radius, rounded up (the ratio every filled row of the table follows);
// - barycentre → the mean of the department's commune centroids (needs the commune table, `withCommuneFallbacks`);
// - countyRadius → the distance from the barycentre to its farthest commune centroid plus 5 km, rounded up
//   (also from the commune table); without communes, the radius of a disc of the department's area, × 1.5;
//   failing that, 50 km.
// A department absent from the file gets the same defaults (`radiusFor`).
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { CommuneTable } from './communes';
import { normalizeDepartmentCode } from './departments';
import { distanceKm } from './distance';
import { cell, parseDecimal, readTsv, type TableIssue } from './tsv';

export const DEFAULT_CITY_RADIUS_KM = 20;
const DEFAULT_COUNTY_RADIUS_KM = 50;
/** Margin beyond the farthest commune centroid: a centroid is not the commune's edge. */
const COUNTY_MARGIN_KM = 5;

type RadiusFallback = 'cityDefaultRadius' | 'enlargementValue' | 'barycentre' | 'countyRadius';

export interface DepartmentRadius {
  department: string;
  label: string;
  cityDefaultRadiusKm: number;
  enlargementValueKm: number;
  /** Undefined only when neither the file nor the commune table gives one. */
  barycentre?: GeoPoint;
  countyRadiusKm: number;
  areaKm2?: number;
  /** Values that were missing in the file and replaced by a default (see the module comment). */
  fallbacks: RadiusFallback[];
}

export interface RadiusTable {
  /** The row of a department (any spelling of its code); defaults for a department the file does not list. */
  radiusFor(department: string): DepartmentRadius;
  /** Rows in the file, by INSEE department code. */
  readonly departments: ReadonlyMap<string, DepartmentRadius>;
}

const COLUMNS = [
  'code',
  'label',
  'area',
  'countyRadius',
  'barycentreCityLat',
  'barycentreCityLon',
  'cityDefaultRadius',
  'enlargementValue',
] as const;

/** A positive number, or undefined for zero / empty / unreadable (= "no value"). */
function positive(text: string): number | undefined {
  const value = parseDecimal(text);
  return value !== undefined && value > 0 ? value : undefined;
}

/** A latitude or longitude: negative is fine (west, south: overseas), only zero means "no value". */
function coordinate(text: string, limit: number): number | undefined {
  const value = parseDecimal(text);
  return value !== undefined && value !== 0 && Math.abs(value) <= limit ? value : undefined;
}

function completeRow(
  department: string,
  label: string,
  values: { city?: number; enlargement?: number; county?: number; area?: number; barycentre?: GeoPoint },
): DepartmentRadius {
  const fallbacks: RadiusFallback[] = [];
  const city = values.city ?? (fallbacks.push('cityDefaultRadius'), DEFAULT_CITY_RADIUS_KM);
  const enlargement = values.enlargement ?? (fallbacks.push('enlargementValue'), Math.ceil(city / 2));
  if (!values.barycentre) fallbacks.push('barycentre');
  let county = values.county;
  if (county === undefined) {
    fallbacks.push('countyRadius');
    county = values.area ? Math.ceil(Math.sqrt(values.area / Math.PI) * 1.5) : DEFAULT_COUNTY_RADIUS_KM;
  }
  return {
    department,
    label,
    cityDefaultRadiusKm: city,
    enlargementValueKm: enlargement,
    ...(values.barycentre ? { barycentre: values.barycentre } : {}),
    countyRadiusKm: county,
    ...(values.area ? { areaKm2: values.area } : {}),
    fallbacks,
  };
}

export function parseRadiusTable(text: string): { table: RadiusTable; issues: TableIssue[] } {
  const rows = new Map<string, DepartmentRadius>();
  const issues: TableIssue[] = [];
  const read = readTsv(text, COLUMNS);
  if (!read.ok) return { table: radiusTableOf(rows), issues: [read.issue] };
  const { table } = read;
  for (const { line, cells } of table.rows) {
    const rawCode = cell(table, cells, 'code');
    const department = normalizeDepartmentCode(rawCode);
    if (!department) {
      issues.push({ line, message: `code de département invalide : « ${rawCode} »` });
      continue;
    }
    if (rows.has(department)) {
      issues.push({ line, message: `département ${department} en double` });
      continue;
    }
    const lat = coordinate(cell(table, cells, 'barycentreCityLat'), 90);
    const lon = coordinate(cell(table, cells, 'barycentreCityLon'), 180);
    const barycentre = lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
    const values = {
      city: positive(cell(table, cells, 'cityDefaultRadius')),
      enlargement: positive(cell(table, cells, 'enlargementValue')),
      county: positive(cell(table, cells, 'countyRadius')),
      area: positive(cell(table, cells, 'area')),
      ...(barycentre ? { barycentre } : {}),
    };
    rows.set(department, completeRow(department, cell(table, cells, 'label') || department, values));
  }
  return { table: radiusTableOf(rows), issues };
}

function radiusTableOf(rows: ReadonlyMap<string, DepartmentRadius>): RadiusTable {
  return {
    departments: rows,
    radiusFor(department) {
      const code = normalizeDepartmentCode(department) ?? department.trim().toUpperCase();
      return rows.get(code) ?? completeRow(code, code, {});
    },
  };
}

/** Fills missing barycentres and county radii from the commune centroids of each department. */
export function withCommuneFallbacks(table: RadiusTable, communes: CommuneTable): RadiusTable {
  const complete = (row: DepartmentRadius): DepartmentRadius => {
    const needsBarycentre = row.barycentre === undefined;
    const needsCounty = row.fallbacks.includes('countyRadius');
    if (!needsBarycentre && !needsCounty) return row;
    const members = communes.inDepartment(row.department);
    if (members.length === 0) return row;
    const barycentre = row.barycentre ?? {
      lat: members.reduce((sum, commune) => sum + commune.point.lat, 0) / members.length,
      lon: members.reduce((sum, commune) => sum + commune.point.lon, 0) / members.length,
    };
    const countyRadiusKm = needsCounty
      ? Math.ceil(Math.max(...members.map((commune) => distanceKm(barycentre, commune.point))) + COUNTY_MARGIN_KM)
      : row.countyRadiusKm;
    return { ...row, barycentre, countyRadiusKm };
  };
  const rows = new Map([...table.departments].map(([code, row]) => [code, complete(row)]));
  const completed = radiusTableOf(rows);
  return {
    departments: rows,
    radiusFor: (department) => {
      const row = completed.radiusFor(department);
      return rows.has(row.department) ? row : complete(row);
    },
  };
}
