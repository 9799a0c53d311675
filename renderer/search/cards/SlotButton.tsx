// One slot: time, consultation mode, slot type. Activating it opens the publisher's booking page.
import { memo } from 'react';
import type { Slot } from '@shared/domain/slot';
import { fr } from '../../i18n/fr';
import { formatSlotTime } from '../format';

interface SlotButtonProps {
  slot: Slot;
  dayLabel: string;
  onBook: (slot: Slot) => void;
}

export const SlotButton = memo(function SlotButton({ slot, dayLabel, onBook }: SlotButtonProps) {
  const time = formatSlotTime(slot.start);
  const modes = slot.modes.map((m) => fr.slot.modes[m] ?? m);
  const types = slot.types.map((t) => fr.slot.types[t] ?? t);
  const longTypes = slot.types.map((t) => fr.slot.typesLong[t] ?? t);
  const reasons = slot.reasons?.join(', ');
  return (
    <button
      type="button"
      className={`slot${slot.types.includes('SNP') ? ' slot-snp' : ''}${slot.bookingUrl ? '' : ' slot-no-url'}`}
      data-slot-id={slot.id}
      onClick={() => onBook(slot)}
      title={[
        modes.join(', '),
        longTypes.join(', '),
        slot.withAppointment ? undefined : fr.slot.walkIn,
        reasons ? `${fr.slot.reasonPrefix}${reasons}` : undefined,
      ]
        .filter(Boolean)
        .join(' — ')}
    >
      <span className="visually-hidden">{fr.slot.bookPrefix(dayLabel)}</span>
      <span className="slot-time">{time}</span>
      {modes.length > 0 && <span className="slot-mode">{modes.join(' / ')}</span>}
      {types.map((type, i) => (
        <span key={type} className={`slot-type slot-type-${slot.types[i]?.toLowerCase() ?? 'autre'}`}>
          <span className="visually-hidden">{fr.slot.typePrefix}</span>
          {type}
        </span>
      ))}
      {!slot.withAppointment && <span className="slot-walkin">{fr.slot.walkIn}</span>}
      {reasons && (
        <span className="slot-reason">
          <span className="visually-hidden">{fr.slot.reasonPrefix}</span>
          {reasons}
        </span>
      )}
    </button>
  );
});
