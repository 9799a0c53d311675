// The SAS agenda: slots entered on the platform for practitioners, CPTS and SOS Médecins sites whose booking
// software is not interfaced ("2 heures par semaine dans l'agenda SAS"). Searched like a publisher: by owner ids and
// a window. A slot booked in the console (`bookingId`) leaves every search until its booking is cancelled.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Coding } from '../../shared/domain/care-offer';
import type { NationalId } from '../../shared/domain/identifiers';
import {
  CONSULTATION_MODES,
  SLOT_TYPES,
  type ConsultationMode,
  type Slot,
  type SlotType,
} from '../../shared/domain/slot';
import { SAS_AGENDA_ID } from '../directory/publishers';
import { instantColumn, instantInput, optionalTextColumn, toInstantParam } from './row-values';
import type { SqlExecutor } from './sql-database';

export interface AgendaSlotRecord {
  id: string;
  /** Who the slot belongs to: a practitioner, a CPTS (FINESS), a SOS Médecins site, or a practitioner through one. */
  practitionerId?: NationalId;
  cptsFiness?: string;
  sosSiteId?: string;
  start: string;
  end: string;
  types: SlotType[];
  modes: ConsultationMode[];
  bookingUrl?: string;
  /** Set while a regulator holds the slot (the booking's id); absent when free. */
  bookingId?: string;
  createdAt: string;
  updatedAt: string;
}

const ownerId = z.string().trim().min(1).max(64);

export const agendaSlotInputSchema = z
  .object({
    /** Absent: a new id is generated. Given: the slot with this id is replaced (idempotent seeding). */
    id: z.string().trim().min(1).max(200).optional(),
    practitionerId: ownerId.optional(),
    cptsFiness: ownerId.optional(),
    sosSiteId: ownerId.optional(),
    start: instantInput,
    end: instantInput,
    types: z.array(z.enum(SLOT_TYPES)).min(1),
    modes: z.array(z.enum(CONSULTATION_MODES)).min(1),
    bookingUrl: z.url().max(2000).optional(),
  })
  .refine((input) => Date.parse(input.end) > Date.parse(input.start), {
    message: 'la fin du créneau doit suivre son début',
    path: ['end'],
  })
  .refine((input) => (input.practitionerId ?? input.cptsFiness ?? input.sosSiteId) !== undefined, {
    message: 'un créneau appartient à un praticien, une CPTS ou un site SOS Médecins',
    path: ['practitionerId'],
  });
export type AgendaSlotInput = z.input<typeof agendaSlotInputSchema>;

const rowSchema = z
  .object({
    id: z.string(),
    practitioner_id: optionalTextColumn,
    cpts_finess: optionalTextColumn,
    sos_site_id: optionalTextColumn,
    start_at: instantColumn,
    end_at: instantColumn,
    types: z.array(z.enum(SLOT_TYPES)),
    modes: z.array(z.enum(CONSULTATION_MODES)),
    booking_url: optionalTextColumn,
    booking_id: optionalTextColumn,
    created_at: instantColumn,
    updated_at: instantColumn,
  })
  .transform((row): AgendaSlotRecord => ({
    id: row.id,
    ...(row.practitioner_id !== undefined ? { practitionerId: row.practitioner_id } : {}),
    ...(row.cpts_finess !== undefined ? { cptsFiness: row.cpts_finess } : {}),
    ...(row.sos_site_id !== undefined ? { sosSiteId: row.sos_site_id } : {}),
    start: row.start_at,
    end: row.end_at,
    types: row.types,
    modes: row.modes,
    ...(row.booking_url !== undefined ? { bookingUrl: row.booking_url } : {}),
    ...(row.booking_id !== undefined ? { bookingId: row.booking_id } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

export const AGENDA_SLOT_COLUMNS = `id, practitioner_id, cpts_finess, sos_site_id, start_at, end_at, types, modes,
  booking_url, booking_id, created_at, updated_at`;

/** A row of `sas_agenda_slots` as a record (the bookings module reads the rows its UPDATE returns). */
export const parseAgendaSlotRow = (row: unknown): AgendaSlotRecord => rowSchema.parse(row);

interface SlotWindow {
  from: Date | string;
  to: Date | string;
}

/** Whose slots a search asks for. */
interface AgendaOwners {
  practitionerIds?: readonly NationalId[];
  cptsFinesses?: readonly string[];
  sosSiteIds?: readonly string[];
}

/** A manager's change the agenda refused: the slot is held by a regulator (cancel the booking first). */
export class AgendaSlotBookedError extends Error {
  constructor(readonly slotId: string) {
    super(`créneau ${slotId} réservé`);
    this.name = 'AgendaSlotBookedError';
  }
}

export interface AgendaSlotRepository {
  /** Adds a slot, or replaces the one with the same id; throws AgendaSlotBookedError when that one is booked. */
  put(input: AgendaSlotInput): Promise<AgendaSlotRecord>;
  get(id: string): Promise<AgendaSlotRecord | undefined>;
  /** Removes a slot, booked or not (housekeeping). */
  remove(id: string): Promise<boolean>;
  /** Removes a slot nobody holds: `booked` leaves it in place. */
  removeFree(id: string): Promise<'removed' | 'unknown' | 'booked'>;
  /**
   * Free slots of these practitioners starting within the window, bounds included (as the IG's
   * `start=ge&start=le`), ordered by practitioner then start.
   */
  listForPractitioners(practitionerIds: readonly NationalId[], window: SlotWindow): Promise<AgendaSlotRecord[]>;
  /** Free slots of any of these owners starting within the window, bounds included, ordered by start. */
  listForOwners(owners: AgendaOwners, window: SlotWindow): Promise<AgendaSlotRecord[]>;
  /** Housekeeping: drops slots that ended before this instant; returns how many. */
  removeEndedBefore(instant: Date | string): Promise<number>;
}

export function createAgendaSlotRepository(db: SqlExecutor, newId: () => string = randomUUID): AgendaSlotRepository {
  return {
    async put(input) {
      const slot = agendaSlotInputSchema.parse(input);
      const id = slot.id ?? newId();
      const result = await db.query(
        `INSERT INTO sas_agenda_slots (id, practitioner_id, cpts_finess, sos_site_id, start_at, end_at, types, modes,
           booking_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET
           practitioner_id = EXCLUDED.practitioner_id,
           cpts_finess = EXCLUDED.cpts_finess,
           sos_site_id = EXCLUDED.sos_site_id,
           start_at = EXCLUDED.start_at,
           end_at = EXCLUDED.end_at,
           types = EXCLUDED.types,
           modes = EXCLUDED.modes,
           booking_url = EXCLUDED.booking_url,
           updated_at = now()
         -- A booked slot keeps what the regulator booked: the booking must be cancelled first.
         WHERE sas_agenda_slots.booking_id IS NULL
         RETURNING ${AGENDA_SLOT_COLUMNS}`,
        [
          id,
          slot.practitionerId ?? null,
          slot.cptsFiness ?? null,
          slot.sosSiteId ?? null,
          slot.start,
          slot.end,
          [...new Set(slot.types)],
          [...new Set(slot.modes)],
          slot.bookingUrl ?? null,
        ],
      );
      if (!result.rows[0]) throw new AgendaSlotBookedError(id);
      return rowSchema.parse(result.rows[0]);
    },
    async get(id) {
      const result = await db.query(`SELECT ${AGENDA_SLOT_COLUMNS} FROM sas_agenda_slots WHERE id = $1`, [id]);
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
    async remove(id) {
      const result = await db.query('DELETE FROM sas_agenda_slots WHERE id = $1', [id]);
      return result.rowCount > 0;
    },
    async removeFree(id) {
      const result = await db.query('DELETE FROM sas_agenda_slots WHERE id = $1 AND booking_id IS NULL', [id]);
      if (result.rowCount > 0) return 'removed';
      const left = await db.query('SELECT 1 FROM sas_agenda_slots WHERE id = $1', [id]);
      return left.rows.length > 0 ? 'booked' : 'unknown';
    },
    async listForPractitioners(practitionerIds, window) {
      if (practitionerIds.length === 0) return [];
      const result = await db.query(
        `SELECT ${AGENDA_SLOT_COLUMNS} FROM sas_agenda_slots
         WHERE practitioner_id = ANY($1::text[]) AND start_at >= $2 AND start_at <= $3 AND booking_id IS NULL
         ORDER BY practitioner_id, start_at, id`,
        [[...practitionerIds], toInstantParam(window.from), toInstantParam(window.to)],
      );
      return result.rows.map((row) => rowSchema.parse(row));
    },
    async listForOwners(owners, window) {
      const practitioners = [...(owners.practitionerIds ?? [])];
      const cpts = [...(owners.cptsFinesses ?? [])];
      const sites = [...(owners.sosSiteIds ?? [])];
      if (practitioners.length + cpts.length + sites.length === 0) return [];
      const result = await db.query(
        `SELECT ${AGENDA_SLOT_COLUMNS} FROM sas_agenda_slots
         WHERE (practitioner_id = ANY($1::text[]) OR cpts_finess = ANY($2::text[]) OR sos_site_id = ANY($3::text[]))
           AND start_at >= $4 AND start_at <= $5 AND booking_id IS NULL
         ORDER BY start_at, id`,
        [practitioners, cpts, sites, toInstantParam(window.from), toInstantParam(window.to)],
      );
      return result.rows.map((row) => rowSchema.parse(row));
    },
    async removeEndedBefore(instant) {
      const result = await db.query('DELETE FROM sas_agenda_slots WHERE end_at < $1', [toInstantParam(instant)]);
      return result.rowCount;
    },
  };
}

/** A SAS agenda slot as the search shows it (same shape as a publisher's slot, source `sas-agenda`). */
export function agendaSlotToSlot(record: AgendaSlotRecord, specialties: readonly Coding[]): Slot {
  return {
    id: `${SAS_AGENDA_ID}/${record.id}`,
    start: record.start,
    end: record.end,
    types: record.types,
    modes: record.modes,
    withAppointment: true,
    ...(record.bookingUrl !== undefined ? { bookingUrl: record.bookingUrl } : {}),
    sourceId: SAS_AGENDA_ID,
    specialties: [...specialties],
    ...(record.practitionerId !== undefined ? { practitionerId: record.practitionerId } : {}),
    ...(record.cptsFiness !== undefined ? { cptsFiness: record.cptsFiness } : {}),
    ...(record.sosSiteId !== undefined ? { sosSiteId: record.sosSiteId } : {}),
  };
}

/** The stored id a slot id names: the search's `sas-agenda/<id>` or the bare id. */
export function agendaSlotStorageId(slotId: string): string {
  const prefix = `${SAS_AGENDA_ID}/`;
  return slotId.startsWith(prefix) ? slotId.slice(prefix.length) : slotId;
}
