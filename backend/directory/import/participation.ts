// The SAS platform's own data, which no open source holds, as `;`-separated UTF-8 CSV files with a header row
// (columns by name, any order): participation declarations, SOS Médecins sites, the publisher registry. Each row is
// validated; every problem is a French message naming the file's line.
import { z } from 'zod';
import type { Participation, SosSite } from '@shared/domain/care-offer';
import { PUBLISHER_KINDS, type Publisher } from '../publishers';
import { resolveColumns, splitFields } from './delimited';
import { normalizePhone } from './phone';

export const PARTICIPATION_COLUMNS = [
  'national_id',
  'mode',
  'structure_id',
  'accepts_beyond_slots',
  'publisher_id',
] as const;
export const SOS_SITE_COLUMNS = [
  'site_id',
  'association',
  'name',
  'phone',
  'street',
  'postal_code',
  'city',
  'insee_code',
  'lat',
  'lon',
  'publisher_id',
] as const;
export const PUBLISHER_COLUMNS = [
  'id',
  'name',
  'kind',
  'fhir_base_url',
  'booking_origins',
  'accepts_v1_accounts',
] as const;

export interface ParticipationRow {
  nationalId: string;
  /** Absent for mode `none`: an agenda known to the platform, without participation in the SAS. */
  participation?: Participation;
  /** Publisher holding the agenda, `sas-agenda`, or absent (no agenda). */
  agendaSource?: string;
}

export type CsvResult<T> = { rows: T[]; errors: string[] };

const optional = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(schema.optional());
const required = (max: number) => z.string().trim().min(1, { message: 'valeur manquante' }).max(max);
const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['oui', 'non', 'true', 'false', '1', '0'].includes(value), { message: 'oui ou non attendu' })
  .transform((value) => ['oui', 'true', '1'].includes(value));
const decimal = (min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : Number(value.replace(',', '.'))))
    .pipe(z.number().min(min).max(max).optional());
const phone = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === '') return undefined;
    const normalized = normalizePhone(value);
    if (!normalized) context.addIssue({ code: 'custom', message: `numéro de téléphone invalide « ${value} »` });
    return normalized;
  });

const participationRow = z
  .object({
    national_id: z
      .string()
      .trim()
      .regex(/^(8\d{11}|0\d{9})$/, { message: 'identifiant national (IDNPS) attendu' }),
    mode: z.enum(['individual', 'cpts', 'msp', 'none'], { message: 'mode attendu : individual, cpts, msp ou none' }),
    structure_id: optional(z.string().max(64)),
    accepts_beyond_slots: yesNo,
    publisher_id: optional(z.string().max(100)),
  })
  .refine((row) => row.mode === 'individual' || row.mode === 'none' || row.structure_id !== undefined, {
    message: 'structure_id obligatoire pour une participation via une CPTS ou une MSP',
    path: ['structure_id'],
  });

const sosRow = z.object({
  site_id: required(64),
  association: required(300),
  name: required(300),
  phone,
  street: optional(z.string().max(300)),
  postal_code: optional(z.string().regex(/^\d{5}$/)),
  city: optional(z.string().max(200)),
  insee_code: optional(z.string().regex(/^(\d{5}|2[AB]\d{3})$/)),
  lat: decimal(-90, 90),
  lon: decimal(-180, 180),
  publisher_id: optional(z.string().max(100)),
});

const publisherRow = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'identifiant en minuscules, chiffres et tirets' }),
  name: required(200),
  kind: z.enum(PUBLISHER_KINDS, { message: 'type attendu : ps, cpts ou sos' }),
  fhir_base_url: z.string().trim().url({ message: 'URL attendue' }),
  booking_origins: z.string().trim(),
  accepts_v1_accounts: yesNo,
});

const french = z.locales.fr();

/** Reads a whole CSV text: header by name, one zod-validated row per line. */
function readCsv<K extends string, S extends z.ZodType, T>(
  text: string,
  fileLabel: string,
  columnNames: readonly K[],
  schema: S,
  build: (row: z.output<S>) => T,
): CsvResult<T> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = resolveColumns(splitFields(lines[0] ?? '', ';'), columnNames, fileLabel);
  if (!header.ok) return { rows: [], errors: [header.error] };
  const rows: T[] = [];
  const errors: string[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split(';');
    const record = Object.fromEntries(columnNames.map((name) => [name, cells[header.columns[name]] ?? '']));
    const parsed = schema.safeParse(record, { error: french.localeError });
    if (parsed.success) rows.push(build(parsed.data));
    else {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        errors.push(
          `${fileLabel}, ligne ${index + 2} : ${issue.path.map(String).join('.') || 'ligne'} : ${issue.message}`,
        );
      }
    }
  });
  return { rows, errors };
}

export function parseParticipationCsv(text: string): CsvResult<ParticipationRow> {
  const result = readCsv(text, 'participations', PARTICIPATION_COLUMNS, participationRow, (row) => ({
    nationalId: row.national_id,
    ...(row.mode === 'none'
      ? {}
      : {
          participation: {
            mode: row.mode,
            ...(row.mode !== 'individual' && row.structure_id ? { structureId: row.structure_id } : {}),
            acceptsBeyondSlots: row.accepts_beyond_slots,
          },
        }),
    ...(row.publisher_id ? { agendaSource: row.publisher_id } : {}),
  }));
  const seen = new Set<string>();
  for (const row of result.rows) {
    if (seen.has(row.nationalId)) result.errors.push(`participations : praticien ${row.nationalId} déclaré deux fois`);
    seen.add(row.nationalId);
  }
  return result;
}

export function parseSosSitesCsv(text: string): CsvResult<SosSite> {
  return readCsv(text, 'sites SOS Médecins', SOS_SITE_COLUMNS, sosRow, (row) => ({
    id: row.site_id,
    associationName: row.association,
    name: row.name,
    ...(row.phone ? { phone: row.phone } : {}),
    place: {
      ...(row.street ? { line: row.street } : {}),
      ...(row.postal_code ? { postalCode: row.postal_code } : {}),
      ...(row.city ? { city: row.city } : {}),
      ...(row.insee_code ? { inseeCode: row.insee_code } : {}),
      ...(row.lat !== undefined && row.lon !== undefined
        ? { point: { lat: row.lat, lon: row.lon }, precision: 'street' as const }
        : {}),
    },
    ...(row.publisher_id ? { agendaSource: row.publisher_id } : {}),
  }));
}

export function parsePublishersCsv(text: string): CsvResult<Publisher> {
  return readCsv(text, 'éditeurs', PUBLISHER_COLUMNS, publisherRow, (row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    fhirBaseUrl: row.fhir_base_url,
    bookingOrigins: row.booking_origins.split(/\s+/).filter((origin) => origin !== ''),
    acceptsV1Accounts: row.accepts_v1_accounts,
  }));
}
