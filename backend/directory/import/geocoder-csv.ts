// The national geocoder's batch endpoint (IGN Géoplateforme, `POST /geocodage/search/csv`, the interface of the
// former api-adresse kept): a multipart form with the CSV as `data`, `columns` naming the columns that make the
// query, and filters naming a column (`citycode=<column>`). The answer is the same CSV with `latitude`,
// `longitude`, `result_score`, `result_type`, `result_citycode`… appended, one row per input row, in order.
import type { GeoPoint } from '@shared/domain/care-offer';
import type { GeocodePrecision } from '@shared/domain/search';

interface AddressQuery {
  street: string;
  postalCode?: string;
  city?: string;
  /** Commune code: restricts the answer to that commune (arrondissement codes are what the BAN files). */
  inseeCode?: string;
}

interface GeocodedAddress {
  point: GeoPoint;
  precision: GeocodePrecision;
  score: number;
}

export interface BatchGeocoder {
  /** One answer per query, in order; undefined when the geocoder found nothing trustworthy. */
  geocode(queries: readonly AddressQuery[]): Promise<(GeocodedAddress | undefined)[]>;
}

export interface BatchGeocoderOptions {
  /** The service root, e.g. https://data.geopf.fr/geocodage (the client posts to `<url>/search/csv`). */
  url: string;
  minScore?: number;
  timeoutMs?: number;
}

const COLUMNS = ['id', 'adresse', 'code_postal', 'ville', 'code_insee'] as const;

/** The CSV cell: no separator, quote or line break survives in an address sent to the geocoder. */
const clean = (value: string | undefined) => (value ?? '').replace(/[;"\r\n]/g, ' ').trim();

/** Splits one CSV line of the answer (the service quotes cells containing the separator). */
function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells;
}

const PRECISION: Readonly<Record<string, GeocodePrecision>> = {
  housenumber: 'street',
  street: 'street',
  locality: 'commune',
  municipality: 'commune',
};

/** Reads the answer: rows keyed by our `id` column, so a reordered or short answer cannot shift positions. */
function parseGeocoderAnswer(text: string, count: number, minScore: number): (GeocodedAddress | undefined)[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const answers: (GeocodedAddress | undefined)[] = new Array<GeocodedAddress | undefined>(count).fill(undefined);
  const headerLine = lines[0];
  if (headerLine === undefined) return answers;
  const separator = headerLine.includes(';') ? ';' : ',';
  const header = splitCsvLine(headerLine, separator).map((name) => name.trim());
  const at = (name: string) => header.indexOf(name);
  const [id, lat, lon, score, type] = ['id', 'latitude', 'longitude', 'result_score', 'result_type'].map(at);
  if ([id, lat, lon, score].some((index) => index === undefined || index < 0)) return answers;
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line, separator);
    const row = Number(cells[id ?? -1]);
    const point = { lat: Number(cells[lat ?? -1]), lon: Number(cells[lon ?? -1]) };
    const value = Number(cells[score ?? -1]);
    if (!Number.isInteger(row) || row < 0 || row >= count) continue;
    if (cells[lat ?? -1] === '' || !Number.isFinite(point.lat) || !Number.isFinite(point.lon)) continue;
    if (!Number.isFinite(value) || value < minScore) continue;
    answers[row] = { point, precision: PRECISION[cells[type ?? -1] ?? ''] ?? 'commune', score: value };
  }
  return answers;
}

export function createBatchGeocoder(options: BatchGeocoderOptions): BatchGeocoder {
  const endpoint = `${options.url.replace(/\/+$/, '')}/search/csv`;
  const minScore = options.minScore ?? 0.5;
  return {
    async geocode(queries) {
      if (queries.length === 0) return [];
      const rows = queries.map((query, index) =>
        [String(index), clean(query.street), clean(query.postalCode), clean(query.city), clean(query.inseeCode)].join(
          ';',
        ),
      );
      const csv = `${COLUMNS.join(';')}\n${rows.join('\n')}\n`;
      const form = new FormData();
      form.append('data', new Blob([csv], { type: 'text/csv' }), 'adresses.csv');
      for (const column of ['adresse', 'code_postal', 'ville']) form.append('columns', column);
      form.append('citycode', 'code_insee');
      const response = await fetch(endpoint, {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      });
      if (!response.ok) throw new Error(`géocodeur : réponse HTTP ${response.status} de ${endpoint}`);
      return parseGeocoderAnswer(await response.text(), queries.length, minScore);
    },
  };
}
