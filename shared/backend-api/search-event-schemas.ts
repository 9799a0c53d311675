// One schema per kind of event of the search stream (POST /api/search, NDJSON), as shared/domain/search.ts
// declares them.
import { z } from 'zod';
import type {
  CareOffer,
  GpLookup,
  OfferCpts,
  OfferCptsMember,
  OfferPractitioner,
  OfferSosSite,
  OfferStructure,
  ResolvedLocation,
  SearchEvent,
  SourceInfo,
  SourceStatus,
} from '../domain/search';
import {
  cptsAnswerSchema,
  practitionerAnswerSchema,
  slotAnswerSchema,
  sosSiteAnswerSchema,
  structureAnswerSchema,
} from './care-offer-schemas';
import type { ShapeOf } from './shape';

const resolvedLocationSchema = z.object({
  point: z.object({ lat: z.number(), lon: z.number() }),
  precision: z.enum(['street', 'commune', 'department']),
  label: z.string(),
  inseeCode: z.string().optional(),
  department: z.string().optional(),
  radiusKm: z.number(),
  enlargements: z.number(),
  notice: z.string().optional(),
  addressScore: z.number().optional(),
  outsideCoverage: z
    .object({
      scope: z.literal('formation'),
      departments: z.array(z.object({ code: z.string(), name: z.string() })),
    })
    .optional(),
} satisfies ShapeOf<ResolvedLocation>);

const sourceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['publisher', 'sas-agenda']),
} satisfies ShapeOf<SourceInfo>);

const sourceStatusSchema = z.object({
  source: sourceInfoSchema,
  state: z.enum(['pending', 'answered', 'timeout', 'error', 'skipped']),
  reason: z.string().optional(),
  durationMs: z.number().optional(),
  slotCount: z.number().optional(),
  ignoredEntries: z.number().optional(),
} satisfies ShapeOf<SourceStatus>);

export const offerPractitionerSchema = z.object({
  practitioner: practitionerAnswerSchema,
  distanceKm: z.number().optional(),
  isGp: z.boolean(),
} satisfies ShapeOf<OfferPractitioner>);

const careOfferSchema = z.object({
  practitioners: z.array(offerPractitionerSchema),
  cpts: z.array(
    z.object({
      cpts: cptsAnswerSchema,
      distanceKm: z.number().optional(),
      members: z
        .array(
          z.object({
            practitioner: practitionerAnswerSchema,
            distanceKm: z.number().optional(),
            outsideRadius: z.boolean(),
            otherSpecialty: z.boolean(),
          } satisfies ShapeOf<OfferCptsMember>),
        )
        .optional(),
    } satisfies ShapeOf<OfferCpts>),
  ),
  sosSites: z.array(
    z.object({ site: sosSiteAnswerSchema, distanceKm: z.number().optional() } satisfies ShapeOf<OfferSosSite>),
  ),
  sources: z.array(sourceInfoSchema),
  practitionerTotal: z.number().int().min(0).optional(),
  page: z
    .object({ offset: z.number().int().min(0), end: z.number().int().min(0) })
    .refine((range) => range.end >= range.offset, 'fin avant le début')
    .optional(),
  structures: z
    .array(
      z.object({
        structure: structureAnswerSchema,
        distanceKm: z.number().optional(),
      } satisfies ShapeOf<OfferStructure>),
    )
    .optional(),
} satisfies ShapeOf<CareOffer>);

const gpLookupSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-provided') }),
  z.object({ state: z.literal('found'), nationalId: z.string() }),
  z.object({
    state: z.literal('not-found'),
    reference: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('national-id'), nationalId: z.string() }),
      z.object({ kind: z.literal('name'), text: z.string() }),
    ]),
  }),
]) satisfies z.ZodType<GpLookup>;

/** Each kind of search event, by its `type`. */
export const searchEventSchemas = {
  location: z.object({ type: z.literal('location'), location: resolvedLocationSchema }),
  offer: z.object({ type: z.literal('offer'), offer: careOfferSchema, gp: gpLookupSchema }),
  slots: z.object({ type: z.literal('slots'), sourceId: z.string(), slots: z.array(slotAnswerSchema) }),
  'source-status': z.object({ type: z.literal('source-status'), status: sourceStatusSchema }),
  error: z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  done: z.object({ type: z.literal('done'), durationMs: z.number() }),
} satisfies { [K in SearchEvent['type']]: z.ZodType<Extract<SearchEvent, { type: K }>> };

export const searchEventSchema = z.discriminatedUnion('type', [
  searchEventSchemas.location,
  searchEventSchemas.offer,
  searchEventSchemas.slots,
  searchEventSchemas['source-status'],
  searchEventSchemas.error,
  searchEventSchemas.done,
]) satisfies z.ZodType<SearchEvent>;
