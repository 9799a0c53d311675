// Schema of a search query as it enters a process: from the renderer (IPC call `startSearch`) and from the console
// (the backend's POST /api/search). Strings are bounded: neither sender is trusted to send sane sizes.
import { z } from 'zod';
import type { SearchQuery } from './search';

const text = (max: number) => z.string().trim().min(1).max(max);

const codingSchema = z.object({
  system: text(200),
  code: text(100),
  display: text(200).optional(),
});

const specialtyReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coded'), coding: codingSchema }),
  z.object({ kind: z.literal('text'), text: text(200) }),
]);

const gpReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national-id'), nationalId: z.string().regex(/^[0-9A-Za-z/]{2,40}$/u) }),
  z.object({ kind: z.literal('name'), text: text(200) }),
]);

const launchLocationSchema = z
  .object({
    inseeCode: z
      .string()
      .regex(/^(\d{5}|2[AB]\d{3})$/u)
      .optional(),
    city: text(200).optional(),
    streetName: text(200).optional(),
    streetNumber: z
      .string()
      .regex(/^\d{1,6}$/u)
      .optional(),
  })
  .refine((l) => l.inseeCode !== undefined || l.city !== undefined, { message: 'commune manquante' });

export const searchQuerySchema = z.object({
  specialty: specialtyReferenceSchema.optional(),
  location: launchLocationSchema,
  gp: gpReferenceSchema.optional(),
  origin: text(100).optional(),
}) satisfies z.ZodType<SearchQuery>;
