// The commune table (resources/geo/communes-centroids.tsv, COG 2026, provenance in resources/geo/README.md): every current
// commune with its centroid. Offline geocoding stops here: a commune gives a "position approximative".
import type { GeoPoint } from '../../shared/domain/care-offer';
import { departmentOfInsee, normalizeDepartmentCode } from './departments';
import { normalizeName } from './names';
import { cell, parseDecimal, readTsv, type TableIssue } from './tsv';

export interface Commune {
  /** INSEE code (5 characters, 2A/2B for Corsica). */
  insee: string;
  name: string;
  department: string;
  /** Area centroid (or a point inside the commune when the centroid falls outside it). */
  point: GeoPoint;
  population: number;
  postcodes: string[];
}

const COLUMNS = ['insee', 'name', 'department', 'lat', 'lon', 'population', 'postcodes'] as const;
const INSEE = /^(\d{5}|2[AB]\d{3})$/;

export interface CommuneParseResult {
  communes: Commune[];
  issues: TableIssue[];
}

export function parseCommunesTsv(text: string): CommuneParseResult {
  const read = readTsv(text, COLUMNS);
  if (!read.ok) return { communes: [], issues: [read.issue] };
  const { table } = read;
  const communes: Commune[] = [];
  const issues: TableIssue[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of table.rows) {
    const problem = (message: string) => issues.push({ line, message });
    const insee = cell(table, cells, 'insee').toUpperCase();
    if (!INSEE.test(insee)) {
      problem(`code INSEE invalide : « ${insee} »`);
      continue;
    }
    if (seen.has(insee)) {
      problem(`code INSEE en double : ${insee}`);
      continue;
    }
    const name = cell(table, cells, 'name');
    if (name === '') {
      problem(`commune ${insee} sans nom`);
      continue;
    }
    const department = normalizeDepartmentCode(cell(table, cells, 'department'));
    if (!department || department !== departmentOfInsee(insee)) {
      problem(`commune ${insee} : département « ${cell(table, cells, 'department')} » incohérent`);
      continue;
    }
    const lat = parseDecimal(cell(table, cells, 'lat'));
    const lon = parseDecimal(cell(table, cells, 'lon'));
    if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      problem(`commune ${insee} : coordonnées invalides`);
      continue;
    }
    const populationText = cell(table, cells, 'population');
    const population = populationText === '' ? 0 : Number(populationText);
    if (!Number.isSafeInteger(population) || population < 0) {
      problem(`commune ${insee} : population invalide « ${populationText} »`);
      continue;
    }
    const postcodes = cell(table, cells, 'postcodes')
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== '');
    const badPostcode = postcodes.find((code) => !/^\d{5}$/.test(code));
    if (badPostcode !== undefined) {
      problem(`commune ${insee} : code postal invalide « ${badPostcode} »`);
      continue;
    }
    seen.add(insee);
    communes.push({ insee, name, department, point: { lat, lon }, population, postcodes });
  }
  return { communes, issues };
}

/** Paris, Lyon and Marseille arrondissement codes, which the LRM may send, and the city each belongs to. */
const ARRONDISSEMENTS: { city: string; first: number; last: number }[] = [
  { city: '75056', first: 75101, last: 75120 },
  { city: '69123', first: 69381, last: 69389 },
  { city: '13055', first: 13201, last: 13216 },
];

/** The commune code to look up: an arrondissement's city, or the code itself. */
export function canonicalInsee(code: string): string {
  const trimmed = code.trim().toUpperCase();
  if (/^\d{5}$/.test(trimmed)) {
    const value = Number(trimmed);
    const city = ARRONDISSEMENTS.find((range) => value >= range.first && value <= range.last);
    if (city) return city.city;
  }
  return trimmed;
}

/** "Paris 15e", "Lyon 3eme arrondissement", "Marseille 8": the city itself. */
const ARRONDISSEMENT_NAME = /^(paris|lyon|marseille) \d{1,2}( ?(e|er|eme|ieme))?( arrondissement)?$/;

export interface CommuneTable {
  readonly size: number;
  /** By INSEE code; arrondissement codes give their city. */
  byInsee(code: string): Commune | undefined;
  /** Every commune with this name (accent- and case-insensitive), most populated first; optionally in a department. */
  byName(name: string, department?: string): Commune[];
  byPostcode(postcode: string): Commune[];
  /** Autocomplete: communes whose name starts with the text, most populated first. */
  search(prefix: string, options?: { department?: string; limit?: number }): Commune[];
  inDepartment(department: string): Commune[];
}

const byPopulation = (a: Commune, b: Commune) => b.population - a.population || a.insee.localeCompare(b.insee);

export function createCommuneTable(communes: readonly Commune[]): CommuneTable {
  const insee = new Map<string, Commune>();
  const names = new Map<string, Commune[]>();
  const postcodes = new Map<string, Commune[]>();
  const departments = new Map<string, Commune[]>();
  const push = <K>(map: Map<K, Commune[]>, key: K, commune: Commune) => {
    const list = map.get(key);
    if (list) list.push(commune);
    else map.set(key, [commune]);
  };
  for (const commune of communes) {
    insee.set(commune.insee, commune);
    push(names, normalizeName(commune.name), commune);
    for (const postcode of commune.postcodes) push(postcodes, postcode, commune);
    push(departments, commune.department, commune);
  }
  for (const list of [...names.values(), ...postcodes.values()]) list.sort(byPopulation);
  // Normalised names sorted once: a prefix is a contiguous range, found by binary search.
  const sortedNames = [...names.keys()].sort();

  const inDepartment = (list: Commune[], department?: string) => {
    if (department === undefined) return list;
    const code = normalizeDepartmentCode(department);
    return code ? list.filter((commune) => commune.department === code) : [];
  };

  return {
    size: insee.size,
    byInsee: (code) => insee.get(canonicalInsee(code)),
    byName(name, department) {
      let key = normalizeName(name);
      const arrondissement = ARRONDISSEMENT_NAME.exec(key);
      if (arrondissement?.[1]) key = arrondissement[1];
      return inDepartment([...(names.get(key) ?? [])], department);
    },
    byPostcode: (postcode) => [...(postcodes.get(postcode.trim()) ?? [])],
    search(prefix, options = {}) {
      const key = normalizeName(prefix);
      const limit = Math.max(0, Math.min(options.limit ?? 10, 100));
      if (key === '' || limit === 0) return [];
      let low = 0;
      let high = sortedNames.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((sortedNames[middle] ?? '') < key) low = middle + 1;
        else high = middle;
      }
      const matches: Commune[] = [];
      for (let index = low; index < sortedNames.length; index += 1) {
        const candidate = sortedNames[index] ?? '';
        if (!candidate.startsWith(key)) break;
        matches.push(...(names.get(candidate) ?? []));
      }
      return inDepartment(matches, options.department).sort(byPopulation).slice(0, limit);
    },
    inDepartment: (department) => {
      const code = normalizeDepartmentCode(department);
      return code ? [...(departments.get(code) ?? [])] : [];
    },
  };
}
