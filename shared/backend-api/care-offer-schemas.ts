// Schemas of the care offer and slots as the backend sends them to the console. They check types and the
// domain's closed lists, not the directory's own rules (the backend has checked those): the console only has to
// know that what it shows has the shape its screens expect.
import { z } from 'zod';
import type {
  Coding,
  Cpts,
  GeoPoint,
  HealthStructure,
  Participation,
  Place,
  Practitioner,
  SosSite,
} from '../domain/care-offer';
import { CONSULTATION_MODES, SLOT_TYPES, type Slot } from '../domain/slot';
import type { ShapeOf } from './shape';

const pointSchema = z.object({ lat: z.number(), lon: z.number() } satisfies ShapeOf<GeoPoint>);

const codingAnswerSchema = z.object({
  system: z.string(),
  code: z.string(),
  display: z.string().optional(),
} satisfies ShapeOf<Coding>);

const placeAnswerSchema = z.object({
  line: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  inseeCode: z.string().optional(),
  point: pointSchema.optional(),
  organizationId: z.string().optional(),
  organizationName: z.string().optional(),
  precision: z.enum(['street', 'commune', 'department']).optional(),
} satisfies ShapeOf<Place>);

const participationSchema = z.object({
  mode: z.enum(['individual', 'cpts', 'msp']),
  structureId: z.string().optional(),
  structureName: z.string().optional(),
  acceptsBeyondSlots: z.boolean(),
} satisfies ShapeOf<Participation>);

export const practitionerAnswerSchema = z.object({
  nationalId: z.string(),
  familyName: z.string(),
  givenName: z.string().optional(),
  prefix: z.string().optional(),
  specialties: z.array(codingAnswerSchema),
  places: z.array(placeAnswerSchema),
  phone: z.string().optional(),
  participation: participationSchema.optional(),
  agendaSource: z.string().optional(),
} satisfies ShapeOf<Practitioner>);

export const cptsAnswerSchema = z.object({
  finess: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  description: z.string().optional(),
  place: placeAnswerSchema.optional(),
  memberIds: z.array(z.string()),
  territory: z.array(z.string()).optional(),
} satisfies ShapeOf<Cpts>);

export const structureAnswerSchema = z.object({
  finess: z.string(),
  kind: z.enum(['msp', 'cds']),
  name: z.string(),
  phone: z.string().optional(),
  place: placeAnswerSchema.optional(),
} satisfies ShapeOf<HealthStructure>);

export const sosSiteAnswerSchema = z.object({
  id: z.string(),
  associationName: z.string(),
  associationId: z.string().optional(),
  name: z.string(),
  phone: z.string().optional(),
  place: placeAnswerSchema,
  agendaSource: z.string().optional(),
} satisfies ShapeOf<SosSite>);

export const slotAnswerSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  types: z.array(z.enum(SLOT_TYPES)),
  modes: z.array(z.enum(CONSULTATION_MODES)),
  withAppointment: z.boolean(),
  bookingUrl: z.string().optional(),
  regulatorAccountsRefused: z.boolean().optional(),
  sourceId: z.string(),
  specialties: z.array(codingAnswerSchema),
  practitionerId: z.string().optional(),
  place: placeAnswerSchema.optional(),
  cptsFiness: z.string().optional(),
  cptsFinesses: z.array(z.string()).optional(),
  sosSiteId: z.string().optional(),
  sosAssociationId: z.string().optional(),
  reasons: z.array(z.string()).optional(),
} satisfies ShapeOf<Slot>);
