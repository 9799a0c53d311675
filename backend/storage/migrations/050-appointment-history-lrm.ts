// Every status an appointment has had (the console shows its history), and what the LRM of the SAMU that launched
// its search knows of it: the launch's LRM origin says where it goes, the state says how far it got.
import type { Migration } from './migration';

export const migration050AppointmentHistoryLrm: Migration = {
  version: 50,
  name: 'rendez-vous : historique des statuts, origine LRM et état de la transmission au LRM',
  statements: [
    `CREATE TABLE appointment_status_history (
       id              bigserial PRIMARY KEY,
       appointment_id  text NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
       status          text NOT NULL
         CHECK (status IN ('booked', 'fulfilled', 'noshow', 'cancelled', 'pending', 'needs-action')),
       at              timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX appointment_status_history_idx ON appointment_status_history (appointment_id, at, id)`,
    // Appointments stored before the history existed start it with the status they have now.
    `INSERT INTO appointment_status_history (appointment_id, status, at)
       SELECT id, status, updated_at FROM appointments`,
    `ALTER TABLE appointments ADD COLUMN lrm_origin text`,
    `ALTER TABLE appointments ADD COLUMN lrm_state text CHECK (lrm_state IN ('pending', 'transmitted', 'refused'))`,
    `ALTER TABLE appointments ADD COLUMN lrm_at timestamptz`,
    `ALTER TABLE appointments ADD COLUMN lrm_code text`,
    `ALTER TABLE appointments ADD COLUMN lrm_reason text`,
  ],
};
