// One slot: time, consultation mode, slot type, and what can be done with it (book online, call, walk in), so the
// regulator sees before clicking whether the chip books. A slot beyond the three days carries its date.
import { memo, useContext } from 'react';
import type { Slot } from '@shared/domain/slot';
import { fr } from '../../i18n/fr';
import { formatDay, formatSlotTime } from '../format';
import { bookedKey, SlotContext } from './slot-context';
import { slotKind } from './slot-kind';

interface SlotButtonProps {
  slot: Slot;
  dayLabel: string;
  /** Beyond the three days: the chip shows its date. */
  showDate?: boolean;
  onBook: (slot: Slot) => void;
}

const KIND_TITLE = {
  bookable: fr.slotKinds.bookable,
  'sas-agenda': fr.agendaBooking.legend,
  'no-url': fr.slotKinds.noUrl,
  'no-account': fr.slotKinds.noAccount,
  'walk-in': fr.slotKinds.walkIn,
} as const;

export const SlotButton = memo(function SlotButton({ slot, dayLabel, showDate, onBook }: SlotButtonProps) {
  const { timeZone, booked, opened, taken } = useContext(SlotContext);
  const time = formatSlotTime(slot.start, timeZone);
  const kind = slotKind(slot);
  const isBooked = booked.has(bookedKey(slot.practitionerId, slot.start));
  const isOpened = !isBooked && opened.has(slot.id);
  // Another regulator booked this SAS-agenda slot first: it stays in sight, marked, and cannot be asked again.
  const isTaken = !isBooked && (taken?.has(slot.id) ?? false);
  const modes = slot.modes.map((m) => fr.slot.modes[m] ?? m);
  const types = slot.types.map((t) => fr.slot.types[t] ?? t);
  const longTypes = slot.types.map((t) => fr.slot.typesLong[t] ?? t);
  const reasons = slot.reasons?.join(', ');
  const date = showDate ? formatDay(Date.parse(slot.start), timeZone) : undefined;
  return (
    <button
      type="button"
      className={`slot slot-${kind}${slot.types.includes('SNP') ? ' slot-snp' : ''}${isBooked ? ' slot-booked' : ''}${isTaken ? ' slot-taken' : ''}`}
      data-slot-id={slot.id}
      data-slot-kind={kind}
      disabled={isTaken}
      onClick={() => onBook(slot)}
      title={[
        isTaken ? fr.agendaBooking.takenTitle : KIND_TITLE[kind],
        modes.join(', '),
        longTypes.join(', '),
        reasons ? `${fr.slot.reasonPrefix}${reasons}` : undefined,
      ]
        .filter(Boolean)
        .join(' — ')}
    >
      <span className="visually-hidden">{fr.slot.bookPrefix(dayLabel)}</span>
      {date && <span className="slot-date">{date}</span>}
      <span className="slot-time">{time}</span>
      {modes.length > 0 && <span className="slot-mode">{modes.join(' / ')}</span>}
      {types.map((type, i) => (
        <span key={type} className={`slot-type slot-type-${slot.types[i]?.toLowerCase() ?? 'autre'}`}>
          <span className="visually-hidden">{fr.slot.typePrefix}</span>
          {type}
        </span>
      ))}
      {(kind === 'no-url' || kind === 'no-account') && <span className="slot-action">{fr.slotKinds.noUrlShort}</span>}
      {kind === 'sas-agenda' && <span className="slot-action">{fr.slotKinds.sasShort}</span>}
      {kind === 'walk-in' && <span className="slot-walkin">{fr.slot.walkIn}</span>}
      {isBooked && <span className="slot-state slot-state-booked">{fr.slotKinds.booked}</span>}
      {isOpened && <span className="slot-state slot-state-opened">{fr.slotKinds.opened}</span>}
      {isTaken && <span className="slot-state slot-state-taken">{fr.agendaBooking.taken}</span>}
      {reasons && (
        <span className="slot-reason">
          <span className="visually-hidden">{fr.slot.reasonPrefix}</span>
          {reasons}
        </span>
      )}
    </button>
  );
});
