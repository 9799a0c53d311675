// The answer of the training geocoder to one search, in the national geocoder's shape (GeoCodeJSON
// FeatureCollection, best match first): streets of the training data set and every commune centroid.
import type { GeoPoint } from '@shared/domain/care-offer';
import type { Commune, CommuneTable } from '../../geo/communes';
import { communeScore, parseQuery, streetScore, addressTokens, type ParsedQuery } from './scoring';
import { positionOn, type TrainingStreet } from './street-table';

export interface AddressSearch {
  q: string;
  citycode?: string;
  postcode?: string;
  limit: number;
}

interface AddressFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    label: string;
    score: number;
    type: 'housenumber' | 'street' | 'municipality';
    id: string;
    name: string;
    postcode?: string;
    citycode: string;
    city: string;
    x: number;
    y: number;
    housenumber?: string;
    street?: string;
  };
}

export interface AddressCollection {
  type: 'FeatureCollection';
  version: 'draft';
  features: AddressFeature[];
  attribution: string;
  licence: string;
  query: string;
  limit: number;
}

export interface AddressIndex {
  communes: CommuneTable;
  /** Streets by commune code. */
  streetsByCity: ReadonlyMap<string, readonly TrainingStreet[]>;
  /** Every street, for a query without a commune code. */
  streets: readonly TrainingStreet[];
}

export function createAddressIndex(communes: CommuneTable, streets: readonly TrainingStreet[]): AddressIndex {
  const streetsByCity = new Map<string, TrainingStreet[]>();
  for (const street of streets) {
    const list = streetsByCity.get(street.citycode) ?? [];
    list.push(street);
    streetsByCity.set(street.citycode, list);
  }
  return { communes, streetsByCity, streets };
}

/** Below this, a street is not offered at all. */
const MIN_STREET_SCORE = 0.3;
/** Below this, a commune is not offered at all. */
const MIN_COMMUNE_SCORE = 0.2;

const capitalized = (text: string) => (text.length > 0 ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text);

export function searchAddresses(index: AddressIndex, search: AddressSearch): AddressCollection {
  const query = parseQuery(search.q);
  const features = [...streetFeatures(index, query, search), ...communeFeatures(index, query, search)]
    .sort((a, b) => b.properties.score - a.properties.score || a.properties.id.localeCompare(b.properties.id))
    .slice(0, search.limit);
  return {
    type: 'FeatureCollection',
    version: 'draft',
    features,
    attribution: 'SAS Console — géocodeur de formation (rues fictives du jeu de données)',
    licence: 'ETALAB-2.0',
    query: search.q,
    limit: search.limit,
  };
}

function streetFeatures(index: AddressIndex, query: ParsedQuery, search: AddressSearch): AddressFeature[] {
  const candidates = search.citycode ? (index.streetsByCity.get(search.citycode) ?? []) : index.streets;
  const features: AddressFeature[] = [];
  for (const street of candidates) {
    if (search.postcode && street.postcode !== search.postcode) continue;
    const cityWords = addressTokens(street.city);
    const score = streetScore(query, street.words, cityWords);
    if (score < MIN_STREET_SCORE) continue;
    const number = query.housenumber;
    const point = positionOn(street, number === undefined ? undefined : Number.parseInt(number, 10));
    if (!point) continue;
    const name = number === undefined ? capitalized(street.name) : `${number} ${capitalized(street.name)}`;
    features.push(
      feature(point, {
        label: [name, street.postcode, street.city].filter(Boolean).join(' '),
        score,
        type: number === undefined ? 'street' : 'housenumber',
        id: number === undefined ? street.id : `${street.id}_${number.replace(' ', '_')}`,
        name,
        ...(street.postcode ? { postcode: street.postcode } : {}),
        citycode: street.citycode,
        city: street.city,
        ...(number === undefined ? {} : { housenumber: number }),
        street: capitalized(street.name),
      }),
    );
  }
  return features;
}

function communeFeatures(index: AddressIndex, query: ParsedQuery, search: AddressSearch): AddressFeature[] {
  let candidates: Commune[];
  if (search.citycode) {
    const commune = index.communes.byInsee(search.citycode);
    candidates = commune ? [commune] : [];
  } else {
    // Without a commune code: the communes named by the query's words, as the address service does.
    const names = new Map<string, Commune>();
    for (let size = Math.min(4, query.words.length); size >= 1; size -= 1) {
      for (let start = 0; start + size <= query.words.length; start += 1) {
        for (const commune of index.communes.byName(query.words.slice(start, start + size).join(' ')).slice(0, 5)) {
          names.set(commune.insee, commune);
        }
      }
    }
    candidates = [...names.values()];
  }
  const features: AddressFeature[] = [];
  for (const commune of candidates) {
    if (search.postcode && !commune.postcodes.includes(search.postcode)) continue;
    const named = communeScore(query, addressTokens(commune.name));
    // Asked by its code with no other word: the commune itself, certainly.
    const score = search.citycode && query.words.length === 0 ? 1 : named;
    if (score < MIN_COMMUNE_SCORE) continue;
    const postcode = search.postcode ?? commune.postcodes[0];
    features.push(
      feature(commune.point, {
        label: commune.name,
        score,
        type: 'municipality',
        id: commune.insee,
        name: commune.name,
        ...(postcode ? { postcode } : {}),
        citycode: commune.insee,
        city: commune.name,
      }),
    );
  }
  return features;
}

function feature(point: GeoPoint, properties: Omit<AddressFeature['properties'], 'x' | 'y'>): AddressFeature {
  const lon = round6(point.lon);
  const lat = round6(point.lat);
  const { x, y } = lambert93({ lat, lon });
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { ...properties, x, y } };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** RGF93 / Lambert-93 (EPSG:2154) coordinates, which the national geocoder gives as `x` and `y`. */
function lambert93(point: GeoPoint): { x: number; y: number } {
  const e = 0.0818191910428158;
  const n = 0.725607765053267;
  const c = 11_754_255.426096;
  const xs = 700_000;
  const ys = 12_655_612.049876;
  const phi = (point.lat * Math.PI) / 180;
  const sin = Math.sin(phi);
  const isometric = Math.log(Math.tan(Math.PI / 4 + phi / 2) * ((1 - e * sin) / (1 + e * sin)) ** (e / 2));
  const r = c * Math.exp(-n * isometric);
  const gamma = n * (((point.lon - 3) * Math.PI) / 180);
  return { x: round2(xs + r * Math.sin(gamma)), y: round2(ys - r * Math.cos(gamma)) };
}
