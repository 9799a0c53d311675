// Schemas of every call's arguments: main (IPC) and the web harness (HTTP) validate with these before
// anything reaches a service. Strings are bounded: a renderer is not trusted to send sane sizes. The search query's
// schema is the domain's own (the backend reads the same query).
import { z } from 'zod';
import { searchQuerySchema } from '../domain/search-query-schema';
import type { ConsoleCalls } from './console-api';
import { consoleSettingsPatchSchema } from './console-settings';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:/|@-]+$/u, 'identifiant invalide');

/** LRM origin of a launch: says which SAMU's LRM the appointment is sent back to. */
const lrmOrigin = z
  .string()
  .max(100)
  .regex(/^[\w.:-]+$/u);

const openBookingRequestSchema = z.object({
  searchId: id.optional(),
  slotId: z.string().min(1).max(400),
  sourceId: id,
  bookingUrl: z.string().url().max(2000),
  practitionerId: z
    .string()
    .regex(/^[0-9A-Za-z/]{2,40}$/u)
    .optional(),
  practitionerName: text(300).optional(),
  start: z.string().max(40).optional(),
  origin: lrmOrigin.optional(),
});

const agendaBookingRequestSchema = z.object({
  slotId: z.string().min(1).max(200),
  searchId: id.optional(),
  origin: lrmOrigin.optional(),
});

const contactRecordSchema = z.object({
  searchId: id.optional(),
  target: z.enum(['practitioner', 'cpts', 'sos']),
  targetId: z.string().regex(/^[0-9A-Za-z/._-]{2,60}$/u),
  targetName: text(300),
  phone: z
    .string()
    .regex(/^[+0-9 .()-]{2,30}$/u)
    .optional(),
});

export const settingsPatchSchema = consoleSettingsPatchSchema;

const none = z.tuple([]);

/** Argument tuple schema of each call, checked at compile time against `ConsoleCalls`. */
export const consoleCallSchemas = {
  getEnvironment: none,
  getSession: none,
  login: none,
  cancelLogin: none,
  logout: none,
  takeLaunches: none,
  countWaitingLaunches: none,
  suggestLocations: z.tuple([z.string().max(200)]),
  startSearch: z.tuple([searchQuerySchema]),
  cancelSearch: z.tuple([id]),
  retrySources: z.tuple([id, z.array(id).min(1).max(200)]),
  loadMoreOffer: z.tuple([id]),
  openBooking: z.tuple([openBookingRequestSchema]),
  listAppointments: none,
  bookAgendaSlot: z.tuple([agendaBookingRequestSchema]),
  cancelAgendaAppointment: z.tuple([id]),
  recordContact: z.tuple([contactRecordSchema]),
  listJournal: none,
  exportJournalCsv: none,
  getSettings: none,
  updateSettings: z.tuple([settingsPatchSchema]),
} satisfies { [K in keyof ConsoleCalls]: z.ZodType<Parameters<ConsoleCalls[K]>> };

export type ConsoleCallName = keyof ConsoleCalls;
export const CONSOLE_CALL_NAMES = Object.keys(consoleCallSchemas) as ConsoleCallName[];
