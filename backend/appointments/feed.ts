// Live appointment changes, per regulator: the V3 receiver publishes, the console's streams subscribe. With several
// backend instances on one PostgreSQL, a publisher's V3 call and the regulator's stream may reach different
// instances: `connect` makes every publication go through LISTEN/NOTIFY, and each instance delivers to its own
// streams what the database relays. Without notifications (embedded PGlite, one process), delivery stays in-process.
import { z } from 'zod';
import { appointmentAnswerSchema } from '../../shared/backend-api/appointment-schemas';
import type { Appointment } from '../../shared/domain/appointment';
import { TypedEmitter } from '@shared/util/typed-emitter';
import type { SqlNotifications } from '../storage/sql-database';

type Listener = (appointment: Appointment) => void;

const CHANNEL = 'sas_appointments';
const relayedSchema = z.object({ appointment: appointmentAnswerSchema });

export class AppointmentFeed {
  // One event per regulator (operator id); a stream that throws does not stop the others.
  private readonly emitter: TypedEmitter<Record<string, Appointment>>;
  private readonly closers = new Set<() => void>();
  private notifications: SqlNotifications | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {
    this.emitter = new TypedEmitter<Record<string, Appointment>>((error: unknown) => onError(error));
  }

  /** From now on, publications cross instances through the database. */
  async connect(notifications: SqlNotifications): Promise<void> {
    this.stopListening = await notifications.listen(CHANNEL, (payload) => this.deliverRelayed(payload));
    this.notifications = notifications;
  }

  /**
   * `onClose` is called when the feed shuts down (the instance stops): the stream sends its final event and ends.
   * Returns the unsubscribe function.
   */
  subscribe(operatorId: string, listener: Listener, onClose?: () => void): () => void {
    const off = this.emitter.on(operatorId, listener);
    if (onClose) this.closers.add(onClose);
    return () => {
      off();
      if (onClose) this.closers.delete(onClose);
    };
  }

  publish(appointment: Appointment): void {
    const notifications = this.notifications;
    if (!notifications) {
      this.emitter.emit(appointment.operatorId, appointment);
      return;
    }
    // Delivered to this instance's streams too when the notification comes back, like to every other instance's.
    notifications.notify(CHANNEL, JSON.stringify({ appointment })).catch((error: unknown) => {
      this.onError(error);
      this.emitter.emit(appointment.operatorId, appointment);
    });
  }

  /** Ends every stream (each sends its final event) and stops listening. */
  async close(): Promise<void> {
    for (const close of [...this.closers]) close();
    this.closers.clear();
    this.notifications = undefined;
    await this.stopListening?.();
  }

  private deliverRelayed(payload: string): void {
    let parsed;
    try {
      parsed = relayedSchema.safeParse(JSON.parse(payload));
    } catch (error) {
      this.onError(error);
      return;
    }
    if (!parsed.success) return this.onError(parsed.error);
    const appointment = parsed.data.appointment as Appointment;
    this.emitter.emit(appointment.operatorId, appointment);
  }
}
