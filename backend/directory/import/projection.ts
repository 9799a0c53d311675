// FINESS coordinates → WGS84. Each geolocalisation line names its system: an EPSG code in 2026 files
// ("EPSG:2975 RGR92/UTM 40S (Réunion)"), a token in older ones ("LAMBERT_93", "UTM_S40").
import proj4, { type Converter } from 'proj4';
import type { GeoPoint } from '@shared/domain/care-offer';

// RGF93 and the overseas RGAF09/RGFG95/RGR92/RGM04 frames coincide with WGS84 to well under a metre.
const UTM = (zone: number, south: boolean) =>
  `+proj=utm +zone=${zone}${south ? ' +south' : ''} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;

const DEFINITIONS: Readonly<Record<string, string>> = {
  // RGF93 / Lambert-93, metropolitan France and Corsica.
  '2154':
    '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  '5490': UTM(20, false), // RGAF09 / UTM 20N: Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
  '4559': UTM(20, false), // RRAF 1991 / UTM 20N, the Antilles' former frame
  '2972': UTM(22, false), // RGFG95 / UTM 22N: Guyane
  '2975': UTM(40, true), // RGR92 / UTM 40S: La Réunion
  '4471': UTM(38, true), // RGM04 / UTM 38S: Mayotte
  '32620': UTM(20, false),
  '32622': UTM(22, false),
  '32740': UTM(40, true),
  '32738': UTM(38, true),
};

/** Tokens of the 2018–2021 files. */
const LEGACY_TOKENS: Readonly<Record<string, string>> = {
  LAMBERT_93: '2154',
  UTM_N20: '5490',
  UTM_N22: '2972',
  UTM_S40: '2975',
  UTM_S38: '4471',
};

/** The EPSG code a FINESS source field names, if it names one we convert. */
export function systemOfSource(source: string): string | undefined {
  const epsg = /EPSG:(\d{4,5})/i.exec(source)?.[1];
  if (epsg !== undefined) return epsg in DEFINITIONS ? epsg : undefined;
  const tokens = source.toUpperCase().split(/[,\s]+/);
  for (const token of tokens) {
    const code = LEGACY_TOKENS[token];
    if (code !== undefined) return code;
  }
  return undefined;
}

const converters = new Map<string, Converter>();

/** Projected metres → WGS84; undefined for an unknown system or a result outside the globe. */
export function toWgs84(epsg: string, x: number, y: number): GeoPoint | undefined {
  const definition = DEFINITIONS[epsg];
  if (definition === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  let converter = converters.get(epsg);
  if (!converter) {
    converter = proj4(definition, 'EPSG:4326');
    converters.set(epsg, converter);
  }
  const [lon, lat] = converter.forward([x, y]);
  if (lon === undefined || lat === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}
