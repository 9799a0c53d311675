// The care-offer data file: what the directory is loaded from (resources/training/care-offer.json in training).
// Entries are the domain shapes of shared/domain/care-offer.ts, plus the publisher registry. Parsing never throws:
// a bad file gives French messages naming the entry (e.g. "praticien n°3 (899990000017) › places › 0 › point").
import { z } from 'zod';
import type { Cpts, HealthStructure, Practitioner, SosSite } from '../../shared/domain/care-offer';
import { FINESS_PATTERN } from '../../shared/domain/identifiers';
import { PUBLISHER_KINDS, SAS_AGENDA_ID, type Publisher } from './publishers';

export const CARE_OFFER_FORMAT = 'sas-console/care-offer';
export const CARE_OFFER_VERSION = 1;

const text = (max: number) => z.string().trim().min(1).max(max);

const pointSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

const codingSchema = z.object({ system: text(300), code: text(50), display: text(300).optional() });

const placeSchema = z.object({
  line: text(300).optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  city: text(200).optional(),
  inseeCode: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/)
    .optional(),
  point: pointSchema.optional(),
  precision: z.enum(['street', 'commune', 'department']).optional(),
  organizationId: text(64).optional(),
  organizationName: text(300).optional(),
});

const phoneSchema = z.string().regex(/^\+?[0-9 .]{6,20}$/);

const practitionerSchema = z.object({
  nationalId: text(64),
  familyName: text(200),
  givenName: text(200).optional(),
  prefix: text(30).optional(),
  specialties: z.array(codingSchema).min(1),
  places: z.array(placeSchema).min(1),
  phone: phoneSchema.optional(),
  participation: z
    .object({
      mode: z.enum(['individual', 'cpts', 'msp']),
      structureId: text(64).optional(),
      structureName: text(300).optional(),
      acceptsBeyondSlots: z.boolean(),
    })
    .optional(),
  agendaSource: text(100).optional(),
}) satisfies z.ZodType<Practitioner>;

const cptsSchema = z.object({
  finess: z.string().regex(FINESS_PATTERN),
  name: text(300),
  phone: phoneSchema.optional(),
  description: text(2000).optional(),
  place: placeSchema.optional(),
  memberIds: z.array(text(64)),
  territory: z
    .array(z.string().regex(/^(\d{5}|2[AB]\d{3})$/u))
    .max(2000)
    .optional(),
}) satisfies z.ZodType<Cpts>;

const structureSchema = z.object({
  finess: z.string().regex(FINESS_PATTERN),
  kind: z.enum(['msp', 'cds']),
  name: text(300),
  phone: phoneSchema.optional(),
  place: placeSchema.optional(),
}) satisfies z.ZodType<HealthStructure>;

const sosSiteSchema = z.object({
  id: text(64),
  associationName: text(300),
  associationId: z
    .string()
    .regex(/^[0-9A-Za-z]{2,40}$/u)
    .optional(),
  name: text(300),
  phone: phoneSchema.optional(),
  place: placeSchema,
  agendaSource: text(100).optional(),
}) satisfies z.ZodType<SosSite>;

const publisherSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'identifiant en minuscules, chiffres et tirets' }),
  name: text(200),
  kind: z.enum(PUBLISHER_KINDS),
  fhirBaseUrl: text(2000),
  bookingOrigins: z.array(text(2000)),
  acceptsV1Accounts: z.boolean(),
}) satisfies z.ZodType<Publisher>;

const careOfferFileSchema = z.object({
  format: z.literal(CARE_OFFER_FORMAT),
  version: z.literal(CARE_OFFER_VERSION),
  publishers: z.array(publisherSchema),
  practitioners: z.array(practitionerSchema),
  cpts: z.array(cptsSchema),
  /** MSP and centres de santé (absent from hand-made files). */
  structures: z.array(structureSchema).optional(),
  sosSites: z.array(sosSiteSchema),
});

export interface CareOfferData {
  publishers: Publisher[];
  practitioners: Practitioner[];
  cpts: Cpts[];
  structures?: HealthStructure[];
  sosSites: SosSite[];
}

export type CareOfferParseResult =
  | { ok: true; data: CareOfferData; /** Inconsistencies that do not prevent loading. */ warnings: string[] }
  | { ok: false; errors: string[] };

const COLLECTION_NAMES: Record<string, string> = {
  publishers: 'éditeur',
  practitioners: 'praticien',
  cpts: 'CPTS',
  structures: 'structure',
  sosSites: 'site SOS Médecins',
};

/** "praticien n°4 (899990000017) › places › 0 › point › lat" from a zod path and the raw input. */
function describePath(path: readonly PropertyKey[], input: unknown): string {
  const [collection, index, ...rest] = path;
  if (typeof collection !== 'string' || typeof index !== 'number' || !(collection in COLLECTION_NAMES)) {
    return path.length === 0 ? 'fichier' : path.map(String).join(' › ');
  }
  const entry = (input as Record<string, unknown[]>)[collection]?.[index] as Record<string, unknown> | undefined;
  const key = entry?.nationalId ?? entry?.finess ?? entry?.id;
  const name = `${COLLECTION_NAMES[collection]} n°${index + 1}${typeof key === 'string' ? ` (${key})` : ''}`;
  return [name, ...rest.map(String)].join(' › ');
}

const french = z.locales.fr();

export function parseCareOfferFile(input: unknown): CareOfferParseResult {
  const parsed = careOfferFileSchema.safeParse(input, { error: french.localeError });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 50).map((issue) => `${describePath(issue.path, input)} : ${issue.message}`),
    };
  }
  const { format: _format, version: _version, ...data } = parsed.data;
  const { errors, warnings } = checkConsistency(data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data, warnings };
}

/** Cross-entry rules: unique ids, known publishers, CPTS members that exist. */
function checkConsistency(data: CareOfferData): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const duplicates = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) errors.push(`${kind} en double : ${id}`);
      seen.add(id);
    }
    return seen;
  };
  const publisherIds = duplicates(
    'éditeur',
    data.publishers.map((publisher) => publisher.id),
  );
  if (publisherIds.has(SAS_AGENDA_ID)) errors.push(`éditeur : l'identifiant « ${SAS_AGENDA_ID} » est réservé`);
  const practitionerIds = duplicates(
    'praticien',
    data.practitioners.map((practitioner) => practitioner.nationalId),
  );
  const cptsIds = duplicates(
    'CPTS',
    data.cpts.map((cpts) => cpts.finess),
  );
  duplicates(
    'site SOS Médecins',
    data.sosSites.map((site) => site.id),
  );
  const kindOf = new Map(data.publishers.map((publisher) => [publisher.id, publisher.kind]));
  const members = new Map(data.cpts.map((cpts) => [cpts.finess, new Set(cpts.memberIds)]));

  for (const practitioner of data.practitioners) {
    const who = `praticien ${practitioner.nationalId}`;
    const source = practitioner.agendaSource;
    if (source !== undefined && source !== SAS_AGENDA_ID) {
      const kind = kindOf.get(source);
      if (!kind) errors.push(`${who} : éditeur d'agenda inconnu « ${source} »`);
      else if (kind === 'sos') errors.push(`${who} : l'éditeur « ${source} » ne publie que des sites SOS Médecins`);
    }
    const participation = practitioner.participation;
    if (participation?.mode === 'cpts') {
      if (!participation.structureId || !cptsIds.has(participation.structureId)) {
        errors.push(`${who} : participe via une CPTS inconnue « ${participation.structureId ?? ''} »`);
      } else if (!members.get(participation.structureId)?.has(practitioner.nationalId)) {
        warnings.push(`${who} : absent de la liste des membres de la CPTS ${participation.structureId}`);
      }
    }
    if (!practitioner.places.some((place) => place.point)) {
      warnings.push(`${who} : aucun lieu d'exercice géolocalisé, il n'apparaîtra dans aucune recherche`);
    }
  }
  for (const cpts of data.cpts) {
    for (const memberId of cpts.memberIds) {
      if (!practitionerIds.has(memberId)) errors.push(`CPTS ${cpts.finess} : membre inconnu ${memberId}`);
    }
  }
  for (const site of data.sosSites) {
    // A site not yet interfaced fills the SAS agenda through its structure manager (« Temps n°1 »).
    if (
      site.agendaSource !== undefined &&
      site.agendaSource !== SAS_AGENDA_ID &&
      kindOf.get(site.agendaSource) !== 'sos'
    ) {
      errors.push(`site SOS Médecins ${site.id} : « ${site.agendaSource} » n'est pas un éditeur SOS connu`);
    }
    if (!site.place.point) warnings.push(`site SOS Médecins ${site.id} : lieu non géolocalisé`);
  }
  return { errors, warnings };
}
