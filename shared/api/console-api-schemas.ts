// Schemas of every call's arguments: main (IPC) and the web harness (HTTP) validate with these before
// anything reaches a service. Strings are bounded: a renderer is not trusted to send sane sizes.
import { z } from 'zod';
import type { ConsoleCalls } from './console-api';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(200).regex(/^[\w.:/|@-]+$/u, 'identifiant invalide');

export const codingSchema = z.object({
  system: text(200),
  code: text(100),
  display: text(200).optional(),
});

export const specialtyReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coded'), coding: codingSchema }),
  z.object({ kind: z.literal('text'), text: text(200) }),
]);

export const gpReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national-id'), nationalId: z.string().regex(/^[0-9A-Za-z/]{2,40}$/u) }),
  z.object({ kind: z.literal('name'), text: text(200) }),
]);

export const launchLocationSchema = z
  .object({
    inseeCode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/u).optional(),
    city: text(200).optional(),
    streetName: text(200).optional(),
    streetNumber: z.string().regex(/^\d{1,6}$/u).optional(),
  })
  .refine((l) => l.inseeCode !== undefined || l.city !== undefined, { message: 'commune manquante' });

export const searchQuerySchema = z.object({
  specialty: specialtyReferenceSchema.optional(),
  location: launchLocationSchema,
  gp: gpReferenceSchema.optional(),
  origin: text(100).optional(),
});

export const openBookingRequestSchema = z.object({
  searchId: id.optional(),
  slotId: z.string().min(1).max(400),
  sourceId: id,
  bookingUrl: z.string().url().max(2000),
  practitionerId: z.string().regex(/^[0-9A-Za-z/]{2,40}$/u).optional(),
  practitionerName: text(300).optional(),
  start: z.string().max(40).optional(),
});

export const contactRecordSchema = z.object({
  searchId: id.optional(),
  target: z.enum(['practitioner', 'cpts', 'sos']),
  targetId: z.string().regex(/^[0-9A-Za-z/._-]{2,60}$/u),
  targetName: text(300),
  phone: z.string().regex(/^[+0-9 .()-]{2,30}$/u).optional(),
});

export const settingsPatchSchema = z
  .object({
    // Only http(s): a `javascript:` or `file:` "backend" must never be accepted from the renderer.
    backendUrl: z.union([z.literal(''), z.string().url().max(500).regex(/^https?:\/\//iu, 'adresse http(s) attendue')]),
    environmentLabel: z.string().max(40),
    bookingOrigin: z.string().regex(/^[\w.-]{1,40}$/u),
    ui: z
      .object({
        density: z.enum(['comfortable', 'compact']),
        showMap: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

const none = z.tuple([]);

/** Argument tuple schema of each call, checked at compile time against `ConsoleCalls`. */
export const consoleCallSchemas = {
  getEnvironment: none,
  getSession: none,
  login: none,
  cancelLogin: none,
  logout: none,
  takeLaunches: none,
  suggestLocations: z.tuple([z.string().max(200)]),
  startSearch: z.tuple([searchQuerySchema]),
  cancelSearch: z.tuple([id]),
  retrySources: z.tuple([id, z.array(id).min(1).max(200)]),
  openBooking: z.tuple([openBookingRequestSchema]),
  listAppointments: none,
  recordContact: z.tuple([contactRecordSchema]),
  listJournal: none,
  exportJournalCsv: none,
  getSettings: none,
  updateSettings: z.tuple([settingsPatchSchema]),
} satisfies { [K in keyof ConsoleCalls]: z.ZodType<Parameters<ConsoleCalls[K]>> };

export type ConsoleCallName = keyof ConsoleCalls;
export const CONSOLE_CALL_NAMES = Object.keys(consoleCallSchemas) as ConsoleCallName[];
