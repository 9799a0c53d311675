// SAS-agenda slots booked in the console. A slot may belong to a practitioner, a CPTS (its coordination fills it, or
// a member's slot offered through it) or a SOS Médecins site (« Temps n°1 », before their software is interfaced).
// `booking_id` is claimed by one conditional UPDATE, so two regulators (on two instances) cannot both book a slot;
// the booking row keeps which slot an appointment held and the LRM that launched its search.
import type { Migration } from './migration';

export const migration055AgendaBookings: Migration = {
  version: 55,
  name: 'agenda SAS : créneaux de CPTS et de sites SOS, réservations depuis la console',
  statements: [
    `ALTER TABLE sas_agenda_slots ALTER COLUMN practitioner_id DROP NOT NULL`,
    `ALTER TABLE sas_agenda_slots ADD COLUMN cpts_finess text`,
    `ALTER TABLE sas_agenda_slots ADD COLUMN sos_site_id text`,
    `ALTER TABLE sas_agenda_slots ADD COLUMN booking_id text`,
    `ALTER TABLE sas_agenda_slots ADD CONSTRAINT sas_agenda_slots_owner
       CHECK (practitioner_id IS NOT NULL OR cpts_finess IS NOT NULL OR sos_site_id IS NOT NULL)`,
    `CREATE UNIQUE INDEX sas_agenda_slots_booking_key ON sas_agenda_slots (booking_id)`,
    `CREATE INDEX sas_agenda_slots_cpts_idx ON sas_agenda_slots (cpts_finess, start_at)`,
    `CREATE INDEX sas_agenda_slots_sos_site_idx ON sas_agenda_slots (sos_site_id, start_at)`,
    `CREATE TABLE sas_agenda_bookings (
       id              text PRIMARY KEY,
       slot_id         text NOT NULL,
       appointment_id  text NOT NULL UNIQUE,
       operator_id     text NOT NULL,
       lrm_origin      text,
       booked_at       timestamptz NOT NULL DEFAULT now(),
       cancelled_at    timestamptz
     )`,
    `CREATE INDEX sas_agenda_bookings_slot_idx ON sas_agenda_bookings (slot_id)`,
  ],
};
