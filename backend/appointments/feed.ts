// Live appointment changes, per regulator: the V3 receiver publishes, the console's stream subscribes.
import type { Appointment } from '../../shared/domain/appointment';
import { TypedEmitter } from '@shared/util/typed-emitter';

type Listener = (appointment: Appointment) => void;

export class AppointmentFeed {
  // One event per regulator (operator id); a stream that throws does not stop the others.
  private readonly emitter: TypedEmitter<Record<string, Appointment>>;

  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.emitter = new TypedEmitter<Record<string, Appointment>>((error) => onListenerError(error));
  }

  subscribe(operatorId: string, listener: Listener): () => void {
    return this.emitter.on(operatorId, listener);
  }

  publish(appointment: Appointment): void {
    this.emitter.emit(appointment.operatorId, appointment);
  }
}
