// A Schedule's actors: who the agenda belongs to. Only the references (or a logical IDNPS) are read here; which
// actor is a Practitioner, a PractitionerRole or a SOS Location is learnt by following them (map-slot-bundle.ts).
import type { IssueSink } from './issues';
import { readNationalId } from './map-common';
import { LIMITS, isRecord, own, records, type JsonRecord } from './read';

export interface ScheduleActor {
  reference?: string;
  /** Logical reference by IDNPS (actor.identifier), when no resource is referenced. */
  nationalId?: string;
  index: number;
}

export function scheduleActors(resource: JsonRecord, sink: IssueSink): ScheduleActor[] {
  const actors: ScheduleActor[] = [];
  records(resource, 'actor').forEach((actor, index) => {
    const reference = own(actor, 'reference');
    const identifier = own(actor, 'identifier');
    const out: ScheduleActor = { index };
    if (typeof reference === 'string' && reference.length > 0 && reference.length <= LIMITS.reference)
      out.reference = reference;
    if (isRecord(identifier)) {
      const id = readNationalId([identifier], sink, `Schedule.actor[${index}].identifier`);
      if (id !== undefined) out.nationalId = id;
    }
    if (out.reference !== undefined || out.nationalId !== undefined) actors.push(out);
  });
  if (actors.length === 0)
    sink.add(
      'schedule-actor-missing',
      'Agenda sans acteur (Schedule.actor : Practitioner, PractitionerRole ou Location).',
      'Schedule.actor',
    );
  return actors;
}
