// Lines of the geolocated FINESS extraction `etalab-cs1100507-stock-<date>.csv` (DREES): Latin-1, `;`-separated, a
// metadata first line, then `structureet` lines (one per establishment) and `geolocalisation` lines (its
// coordinates, in the system the line names). Positional layouts: the file has no header row of its own.
import type { GeoPoint } from '@shared/domain/care-offer';
import { systemOfSource, toWgs84 } from './projection';

const FINESS_SEPARATOR = ';';

/** `structureet` fields in order (a trailing `numuai` exists in some years). */
const STRUCTUREET_FIELDS = [
  'structureet',
  'nofinesset',
  'nofinessej',
  'rs',
  'rslongue',
  'complrs',
  'compldistrib',
  'numvoie',
  'typvoie',
  'voie',
  'compvoie',
  'lieuditbp',
  'commune',
  'departement',
  'libdepartement',
  'ligneacheminement',
  'telephone',
  'telecopie',
  'categetab',
  'libcategetab',
  'categagretab',
  'libcategagretab',
  'siret',
  'codeape',
  'codemft',
  'libmft',
  'codesph',
  'libsph',
  'dateouv',
  'dateautor',
  'datemaj',
] as const;
const GEOLOCALISATION_FIELDS = [
  'geolocalisation',
  'nofinesset',
  'coordxet',
  'coordyet',
  'sourcecoordet',
  'datemaj',
] as const;

/** FINESS writes the overseas departments with a letter. */
const OVERSEAS_DEPARTMENTS: Readonly<Record<string, string>> = {
  '9A': '971',
  '9B': '972',
  '9C': '973',
  '9D': '974',
  '9E': '975',
  '9F': '976',
};

/** Establishment categories (TRE_R66) kept as structures. */
export const STRUCTURE_CATEGORIES = { '604': 'cpts', '603': 'msp', '124': 'cds' } as const;

export interface FinessEstablishment {
  finess: string;
  name: string;
  category: string;
  street?: string;
  postalCode?: string;
  city?: string;
  inseeCode?: string;
  phone?: string;
}

export interface FinessPosition {
  finess: string;
  point: GeoPoint;
  epsg: string;
}

export type FinessLine =
  | { kind: 'structure'; establishment: FinessEstablishment }
  | { kind: 'position'; position: FinessPosition }
  | { kind: 'other' }
  | { kind: 'error'; error: string };

const FINESS = /^(\d{9}|2[AB]\d{7})$/;

/** INSEE code from FINESS's department + 3-digit commune: "33" + "063" → 33063, "9D" + "411" → 97411, 2A/2B kept. */
function inseeFromFiness(department: string, commune: string): string | undefined {
  const dep = department.trim().toUpperCase();
  const com = commune.trim();
  if (!/^\d{3}$/.test(com)) return undefined;
  const overseas = OVERSEAS_DEPARTMENTS[dep];
  // The 3-digit commune of an overseas department starts with the department's last digit (9D + 411 → 97411).
  if (overseas !== undefined) return com.startsWith(overseas.slice(2)) ? `97${com}` : undefined;
  if (/^(0[1-9]|[1-8]\d|9[0-5]|2[AB])$/.test(dep) && dep !== '20') return `${dep}${com}`;
  return undefined;
}

/** "33000 BORDEAUX" / "97410 ST PIERRE CEDEX" → postcode and city. */
function splitDelivery(line: string): { postalCode?: string; city?: string } {
  const match = /^(\d{5})\s+(.*)$/.exec(line.trim());
  if (!match) return line.trim() ? { city: line.trim() } : {};
  const city = (match[2] ?? '').replace(/\s+CEDEX(\s+\d+)?$/i, '').trim();
  return { postalCode: match[1], ...(city ? { city } : {}) };
}

function parseCoordinate(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** Parses one decoded line. Never throws. */
export function parseFinessLine(line: string): FinessLine {
  const cells = line.split(FINESS_SEPARATOR);
  const kind = cells[0]?.trim();
  if (kind === 'structureet') {
    if (cells.length < STRUCTUREET_FIELDS.length) {
      return { kind: 'error', error: `structureet : ${cells.length} champs, ${STRUCTUREET_FIELDS.length} attendus` };
    }
    const get = (name: (typeof STRUCTUREET_FIELDS)[number]) => (cells[STRUCTUREET_FIELDS.indexOf(name)] ?? '').trim();
    const finess = get('nofinesset').toUpperCase();
    if (!FINESS.test(finess)) return { kind: 'error', error: `structureet : numéro FINESS invalide « ${finess} »` };
    const name = get('rslongue') || get('rs');
    if (name === '') return { kind: 'error', error: `structureet ${finess} : raison sociale manquante` };
    const street = [get('numvoie'), get('typvoie'), get('voie')].filter((part) => part !== '').join(' ');
    const inseeCode = inseeFromFiness(get('departement'), get('commune'));
    return {
      kind: 'structure',
      establishment: {
        finess,
        name,
        category: get('categetab'),
        ...(street ? { street } : {}),
        ...splitDelivery(get('ligneacheminement')),
        ...(inseeCode ? { inseeCode } : {}),
        ...(get('telephone') ? { phone: get('telephone') } : {}),
      },
    };
  }
  if (kind === 'geolocalisation') {
    if (cells.length < GEOLOCALISATION_FIELDS.length - 1) {
      return {
        kind: 'error',
        error: `geolocalisation : ${cells.length} champs, ${GEOLOCALISATION_FIELDS.length} attendus`,
      };
    }
    const finess = (cells[1] ?? '').trim().toUpperCase();
    if (!FINESS.test(finess)) return { kind: 'error', error: `geolocalisation : numéro FINESS invalide « ${finess} »` };
    const x = parseCoordinate(cells[2] ?? '');
    const y = parseCoordinate(cells[3] ?? '');
    if (x === undefined || y === undefined)
      return { kind: 'error', error: `geolocalisation ${finess} : coordonnées manquantes` };
    const source = cells[4] ?? '';
    const epsg = systemOfSource(source);
    if (epsg === undefined)
      return {
        kind: 'error',
        error: `geolocalisation ${finess} : système de coordonnées inconnu « ${source.trim()} »`,
      };
    const point = toWgs84(epsg, x, y);
    if (!point) return { kind: 'error', error: `geolocalisation ${finess} : coordonnées hors du globe` };
    return { kind: 'position', position: { finess, point, epsg } };
  }
  return { kind: 'other' };
}
