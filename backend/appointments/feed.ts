// Live appointment changes, per regulator: the V3 receiver publishes, the console's stream subscribes.
import type { Appointment } from '../../shared/domain/appointment';

type Listener = (appointment: Appointment) => void;

export class AppointmentFeed {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(operatorId: string, listener: Listener): () => void {
    let set = this.listeners.get(operatorId);
    if (!set) {
      set = new Set();
      this.listeners.set(operatorId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(operatorId);
    };
  }

  publish(appointment: Appointment): void {
    for (const listener of this.listeners.get(appointment.operatorId) ?? []) listener(appointment);
  }
}
