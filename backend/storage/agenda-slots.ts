// The SAS agenda: slots entered on the platform by practitioners whose booking software is not interfaced
// ("2 heures par semaine dans l'agenda SAS"). Searched like a publisher: by practitioner ids and a window.
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
  practitionerId: NationalId;
  start: string;
  end: string;
  types: SlotType[];
  modes: ConsultationMode[];
  bookingUrl?: string;
  createdAt: string;
  updatedAt: string;
}

export const agendaSlotInputSchema = z
  .object({
    /** Absent: a new id is generated. Given: the slot with this id is replaced (idempotent seeding). */
    id: z.string().trim().min(1).max(200).optional(),
    practitionerId: z.string().trim().min(1).max(64),
    start: instantInput,
    end: instantInput,
    types: z.array(z.enum(SLOT_TYPES)).min(1),
    modes: z.array(z.enum(CONSULTATION_MODES)).min(1),
    bookingUrl: z.url().max(2000).optional(),
  })
  .refine((input) => Date.parse(input.end) > Date.parse(input.start), {
    message: 'la fin du créneau doit suivre son début',
    path: ['end'],
  });
export type AgendaSlotInput = z.input<typeof agendaSlotInputSchema>;

const rowSchema = z
  .object({
    id: z.string(),
    practitioner_id: z.string(),
    start_at: instantColumn,
    end_at: instantColumn,
    types: z.array(z.enum(SLOT_TYPES)),
    modes: z.array(z.enum(CONSULTATION_MODES)),
    booking_url: optionalTextColumn,
    created_at: instantColumn,
    updated_at: instantColumn,
  })
  .transform((row): AgendaSlotRecord => ({
    id: row.id,
    practitionerId: row.practitioner_id,
    start: row.start_at,
    end: row.end_at,
    types: row.types,
    modes: row.modes,
    ...(row.booking_url !== undefined ? { bookingUrl: row.booking_url } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

const COLUMNS = 'id, practitioner_id, start_at, end_at, types, modes, booking_url, created_at, updated_at';

interface SlotWindow {
  from: Date | string;
  to: Date | string;
}

export interface AgendaSlotRepository {
  /** Adds a slot, or replaces the one with the same id. */
  put(input: AgendaSlotInput): Promise<AgendaSlotRecord>;
  get(id: string): Promise<AgendaSlotRecord | undefined>;
  remove(id: string): Promise<boolean>;
  /**
   * Slots of these practitioners starting within the window, bounds included (as the IG's `start=ge&start=le`),
   * ordered by practitioner then start.
   */
  listForPractitioners(practitionerIds: readonly NationalId[], window: SlotWindow): Promise<AgendaSlotRecord[]>;
  /** Housekeeping: drops slots that ended before this instant; returns how many. */
  removeEndedBefore(instant: Date | string): Promise<number>;
}

export function createAgendaSlotRepository(db: SqlExecutor, newId: () => string = randomUUID): AgendaSlotRepository {
  return {
    async put(input) {
      const slot = agendaSlotInputSchema.parse(input);
      const result = await db.query(
        `INSERT INTO sas_agenda_slots (id, practitioner_id, start_at, end_at, types, modes, booking_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET
           practitioner_id = EXCLUDED.practitioner_id,
           start_at = EXCLUDED.start_at,
           end_at = EXCLUDED.end_at,
           types = EXCLUDED.types,
           modes = EXCLUDED.modes,
           booking_url = EXCLUDED.booking_url,
           updated_at = now()
         RETURNING ${COLUMNS}`,
        [
          slot.id ?? newId(),
          slot.practitionerId,
          slot.start,
          slot.end,
          [...new Set(slot.types)],
          [...new Set(slot.modes)],
          slot.bookingUrl ?? null,
        ],
      );
      return rowSchema.parse(result.rows[0]);
    },
    async get(id) {
      const result = await db.query(`SELECT ${COLUMNS} FROM sas_agenda_slots WHERE id = $1`, [id]);
      return result.rows[0] ? rowSchema.parse(result.rows[0]) : undefined;
    },
    async remove(id) {
      const result = await db.query('DELETE FROM sas_agenda_slots WHERE id = $1', [id]);
      return result.rowCount > 0;
    },
    async listForPractitioners(practitionerIds, window) {
      if (practitionerIds.length === 0) return [];
      const result = await db.query(
        `SELECT ${COLUMNS} FROM sas_agenda_slots
         WHERE practitioner_id = ANY($1::text[]) AND start_at >= $2 AND start_at <= $3
         ORDER BY practitioner_id, start_at, id`,
        [[...practitionerIds], toInstantParam(window.from), toInstantParam(window.to)],
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
    practitionerId: record.practitionerId,
  };
}
