// INSEE code / city / street → a point. Offline, a commune centroid ("position approximative"); street level only
// through a configured address service, and any doubt about its answer falls back to the commune, saying why.
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { LaunchLocation } from '../../shared/domain/launch';
import type { GeocodePrecision } from '../../shared/domain/search';
import type { AddressServiceClient } from './address-service';
import { canonicalInsee, type Commune, type CommuneTable } from './communes';
import { normalizeDepartmentCode } from './departments';
import { normalizeName } from './names';
import type { RadiusTable } from './radius-table';

interface GeocodedLocation {
  point: GeoPoint;
  precision: GeocodePrecision;
  /** What the regulator reads, e.g. "12 Rue Paul Vidal 47000 Agen" or "Agen (47), position approximative". */
  label: string;
  inseeCode?: string;
  department?: string;
  /** French: why the position is less precise than what was asked, or which homonym was chosen. */
  notice?: string;
  /** The address service's score of the street it found (street precision only). */
  addressScore?: number;
}

export type GeocodeErrorCode = 'location-missing' | 'commune-not-found' | 'department-without-centre';

type GeocodeResult =
  | { ok: true; location: GeocodedLocation }
  | { ok: false; code: GeocodeErrorCode; /** French, for the regulator. */ message: string };

export interface Geocoder {
  geocode(location: LaunchLocation, options?: { signal?: AbortSignal }): Promise<GeocodeResult>;
}

export interface GeocoderOptions {
  communes: CommuneTable;
  /** For whole-department locations (barycentre) and department names. */
  radii: RadiusTable;
  /** Street-level geocoding; absent: offline, commune level only. */
  addressService?: AddressServiceClient;
  /** Below this score the address service's answer is not trusted. */
  minScore?: number;
}

const DEFAULT_MIN_ADDRESS_SCORE = 0.5;

/** The three cities whose addresses the address service files under arrondissement codes. */
const CITIES_WITH_ARRONDISSEMENTS = new Set(['75056', '69123', '13055']);

/** "centre d'Agen", "centre du Mans", "centre des Abymes", "centre de Bordeaux". */
export function ofCommune(name: string): string {
  if (/^Les\s/.test(name)) return `des ${name.slice(4)}`;
  if (/^Le\s/.test(name)) return `du ${name.slice(3)}`;
  if (/^[aeiouyàâäéèêëîïôöùûüœh]/i.test(name)) return `d'${name}`;
  return `de ${name}`;
}

const communeLabel = (commune: Commune) => `${commune.name} (${commune.department}), position approximative`;

function atCommune(commune: Commune, notice?: string): GeocodeResult {
  return {
    ok: true,
    location: {
      point: commune.point,
      precision: 'commune',
      label: communeLabel(commune),
      inseeCode: commune.insee,
      department: commune.department,
      ...(notice ? { notice } : {}),
    },
  };
}

type CommuneMatch =
  | { kind: 'commune'; commune: Commune; notice?: string }
  | { kind: 'department'; department: string }
  | { kind: 'error'; code: GeocodeErrorCode; message: string };

/** "47000 Agen", "Agen (47)", "Agen": the name, and a postcode or department when one is written with it. */
function splitCityText(text: string): { name: string; postcode?: string; department?: string } {
  let name = text.trim();
  const postcode = /\b(\d{5})\b/.exec(name)?.[1];
  if (postcode) name = name.replace(postcode, ' ');
  const department = /\(\s*(\d{1,3}|2[ABab])\s*\)\s*$/.exec(name)?.[1];
  if (department) name = name.replace(/\(\s*[^)]*\)\s*$/, ' ');
  return {
    name: name.replace(/\s+/g, ' ').trim(),
    ...(postcode ? { postcode } : {}),
    ...(department ? { department } : {}),
  };
}

function findDepartment(text: string, radii: RadiusTable): string | undefined {
  const code = normalizeDepartmentCode(text);
  if (code) return code;
  const key = normalizeName(text);
  for (const row of radii.departments.values()) if (normalizeName(row.label) === key) return row.department;
  return undefined;
}

function matchCity(text: string, communes: CommuneTable, radii: RadiusTable): CommuneMatch {
  const { name, postcode, department } = splitCityText(text);
  if (name === '' && postcode) {
    const [first, ...others] = communes.byPostcode(postcode);
    if (first) {
      return others.length === 0
        ? { kind: 'commune', commune: first }
        : {
            kind: 'commune',
            commune: first,
            notice: `Plusieurs communes ont le code postal ${postcode} : ${first.name} retenue.`,
          };
    }
  }
  let candidates = name === '' ? [] : communes.byName(name, department);
  if (postcode) {
    const withPostcode = candidates.filter((commune) => commune.postcodes.includes(postcode));
    if (withPostcode.length > 0) candidates = withPostcode;
  }
  const [first, ...others] = candidates;
  if (first) {
    if (others.length === 0) return { kind: 'commune', commune: first };
    return {
      kind: 'commune',
      commune: first,
      notice:
        `Plusieurs communes s'appellent « ${first.name} » : ${first.name} (${first.department}), la plus peuplée, ` +
        `a été retenue.`,
    };
  }
  // No commune of that name: a whole department ("47", "Lot-et-Garonne")?
  const wholeDepartment = name === '' ? undefined : findDepartment(name, radii);
  if (wholeDepartment) return { kind: 'department', department: wholeDepartment };
  return { kind: 'error', code: 'commune-not-found', message: `Commune introuvable : « ${text.trim()} ».` };
}

function matchLocation(location: LaunchLocation, communes: CommuneTable, radii: RadiusTable): CommuneMatch {
  const insee = location.inseeCode?.trim();
  const city = location.city?.trim();
  if (insee) {
    const commune = communes.byInsee(insee);
    if (commune) return { kind: 'commune', commune };
    if (!city) {
      return { kind: 'error', code: 'commune-not-found', message: `Code INSEE inconnu : « ${insee} ».` };
    }
    const byCity = matchCity(city, communes, radii);
    if (byCity.kind === 'commune') {
      return { ...byCity, notice: `Code INSEE « ${insee} » inconnu : commune trouvée par son nom.` };
    }
    return byCity;
  }
  if (city) return matchCity(city, communes, radii);
  return {
    kind: 'error',
    code: 'location-missing',
    message: 'Aucune commune indiquée (code INSEE ou ville) : la recherche ne peut pas être lancée.',
  };
}

export function createGeocoder(options: GeocoderOptions): Geocoder {
  const minScore = options.minScore ?? DEFAULT_MIN_ADDRESS_SCORE;
  const { communes, radii, addressService } = options;

  return {
    async geocode(location, { signal } = {}) {
      const match = matchLocation(location, communes, radii);
      if (match.kind === 'error') return { ok: false, code: match.code, message: match.message };
      if (match.kind === 'department') {
        const row = radii.radiusFor(match.department);
        if (!row.barycentre) {
          return {
            ok: false,
            code: 'department-without-centre',
            message: `Le département ${match.department} n'a pas de centre connu : indiquez une commune.`,
          };
        }
        return {
          ok: true,
          location: {
            point: row.barycentre,
            precision: 'department',
            label: `${row.label} (${row.department}), tout le département`,
            department: row.department,
          },
        };
      }

      const { commune } = match;
      const street = location.streetName?.trim();
      if (!street) return atCommune(commune, match.notice);
      const fallback = (why: string) =>
        atCommune(commune, `${why} : position approximative, centre ${ofCommune(commune.name)}.`);
      if (!addressService) return fallback("Géocodage à l'adresse non configuré");

      const number = location.streetNumber?.trim();
      const q = [number, street, commune.name].filter((part) => part && part.length > 0).join(' ');
      // The address service files Paris, Lyon and Marseille under arrondissement codes: keep the one the LRM sent,
      // and filter on nothing when it sent the city's code (the city name is in `q`).
      const requested = location.inseeCode?.trim().toUpperCase();
      const citycode =
        requested && canonicalInsee(requested) === commune.insee && requested !== commune.insee
          ? requested
          : CITIES_WITH_ARRONDISSEMENTS.has(commune.insee)
            ? undefined
            : commune.insee;
      const lookup = await addressService.search({ q, ...(citycode ? { citycode } : {}) }, signal);
      if (!lookup.ok) {
        if (lookup.reason === 'no-result') return fallback('Adresse introuvable');
        return fallback(`Service d'adresses indisponible (${lookup.message})`);
      }
      const found = lookup.match;
      if (found.citycode && canonicalInsee(found.citycode) !== commune.insee) {
        return fallback("L'adresse trouvée n'est pas dans la commune demandée");
      }
      if (found.type === 'municipality') return fallback('Rue introuvable');
      if (found.score < minScore) {
        const score = found.score.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
        return fallback(`Adresse reconnue sans certitude (score ${score})`);
      }
      return {
        ok: true,
        location: {
          point: found.point,
          precision: 'street',
          label: found.label,
          inseeCode: commune.insee,
          department: commune.department,
          addressScore: found.score,
          ...(match.notice ? { notice: match.notice } : {}),
        },
      };
    },
  };
}
