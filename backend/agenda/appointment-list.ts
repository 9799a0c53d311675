// « Mes orientations » names the SAS-agenda slot each SAS-agenda appointment holds (or held), as the search named
// it: the list route adds it from the bookings, one query for the whole list.
import type { Appointment } from '../../shared/domain/appointment';
import { SAS_AGENDA_ID } from '../directory/publishers';
import { agendaSlotIdsOfAppointments } from '../storage/agenda-bookings';
import type { SqlExecutor } from '../storage/sql-database';

export async function withAgendaSlotIds<A extends Appointment>(
  db: SqlExecutor,
  appointments: readonly A[],
): Promise<A[]> {
  const agendaIds = appointments.filter((a) => a.publisherId === SAS_AGENDA_ID).map((a) => a.id);
  const slots = await agendaSlotIdsOfAppointments(db, agendaIds);
  return appointments.map((appointment) => {
    const slotId = slots.get(appointment.id);
    return slotId === undefined ? appointment : { ...appointment, agendaSlotId: `${SAS_AGENDA_ID}/${slotId}` };
  });
}
