// Filling the SAS agenda (storage) from the training slot patterns: the training environment calls this at start
// and then periodically, so the SAS agenda always holds the coming days' slots like a real one would.
import { SAS_AGENDA_ID } from '../../directory/publishers';
import type { AgendaSlotInput } from '../../storage/agenda-slots';
import { slotsForWindow, type SlotPattern } from './slot-patterns';

/**
 * Agenda slots of every SAS-agenda pattern starting in [from, to]. Ids are the pattern slot ids, so putting them
 * again (overlapping refreshes) replaces rather than duplicates.
 */
export function sasAgendaSlotInputs(
  patterns: readonly SlotPattern[],
  from: Date,
  to: Date,
): (AgendaSlotInput & { practitionerId: string })[] {
  return patterns.flatMap((pattern) => {
    if (pattern.sourceId !== SAS_AGENDA_ID || pattern.owner.kind !== 'practitioner') return [];
    const practitionerId = pattern.owner.nationalId;
    return slotsForWindow(pattern, from, to).map((slot) => ({
      id: slot.id,
      practitionerId,
      start: slot.start,
      end: slot.end,
      types: slot.types,
      modes: slot.modes,
    }));
  });
}
