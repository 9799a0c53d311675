// What an appointment change leaves behind, in the transaction that makes it: a line of status history when the
// status changed, and — when its search came from an LRM — a message in the LRM outbox and the state « pending ».
// Being in the same transaction is the point: a crash either keeps the change and its message, or neither.
import type { AppointmentRecord } from './appointment-rows';
import type { SqlExecutor } from './sql-database';

/** The appointment as an LRM message is composed from it: what the LRM is told, nothing of the platform's own. */
/** What the LRM message is built from: the appointment as stored (`createdAt` is the message's `created`). */
export type LrmAppointmentSnapshot = Omit<AppointmentRecord, 'history' | 'lrm' | 'notInitiated'> & {
  lrmOrigin: string;
};

function lrmSnapshot(record: AppointmentRecord & { lrmOrigin: string }): LrmAppointmentSnapshot {
  const { history: _history, lrm: _lrm, notInitiated: _notInitiated, ...rest } = record;
  return rest;
}

/** The fields whose change the LRM must hear of (a publisher re-sending the same report changes none). */
function whatTheLrmSees(record: AppointmentRecord): string {
  return JSON.stringify([
    record.status,
    Date.parse(record.start),
    Date.parse(record.end),
    record.operatorId,
    record.practitionerId ?? null,
    record.practitionerName ?? null,
    record.practitionerStatus ?? null,
    record.lrmOrigin ?? null,
  ]);
}

/** Records `after` (the stored row once changed) against `before` (absent: just created). Run inside the change's transaction. */
export async function recordAppointmentChange(
  tx: SqlExecutor,
  before: AppointmentRecord | undefined,
  after: AppointmentRecord,
): Promise<void> {
  if (before === undefined || before.status !== after.status) {
    await tx.query(`INSERT INTO appointment_status_history (appointment_id, status) VALUES ($1, $2)`, [
      after.id,
      after.status,
    ]);
  }
  const origin = after.lrmOrigin;
  if (origin === undefined) return;
  if (before !== undefined && whatTheLrmSees(before) === whatTheLrmSees(after)) return;
  await tx.query(`INSERT INTO lrm_outbox (appointment_id, lrm_origin, appointment) VALUES ($1, $2, $3::jsonb)`, [
    after.id,
    origin,
    JSON.stringify(lrmSnapshot({ ...after, lrmOrigin: origin })),
  ]);
  await tx.query(
    `UPDATE appointments SET lrm_state = 'pending', lrm_at = now(), lrm_code = NULL, lrm_reason = NULL WHERE id = $1`,
    [after.id],
  );
}

/** Runs `fn` in a transaction of `db`, or directly when `db` already is an open transaction's executor. */
export function inTransaction<R>(db: SqlExecutor, fn: (tx: SqlExecutor) => Promise<R>): Promise<R> {
  const database = db as SqlExecutor & { transaction?: (fn: (tx: SqlExecutor) => Promise<R>) => Promise<R> };
  return typeof database.transaction === 'function' ? database.transaction(fn) : fn(db);
}
