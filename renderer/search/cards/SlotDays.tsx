// A card's slots by day: aujourd'hui / demain / après-demain (then other days), each day one wrapped row.
import type { Slot } from '@shared/domain/slot';
import { fr } from '../../i18n/fr';
import { formatDay } from '../format';
import { groupSlotsByDay } from '../slot-days';
import { SlotButton } from './SlotButton';

interface SlotDaysProps {
  slots: readonly Slot[];
  now: number;
  /** Slots received before the filters: explains an empty row. */
  totalSlots: number;
  ownerName: string;
  onBook: (slot: Slot) => void;
}

export function SlotDays({ slots, now, totalSlots, ownerName, onBook }: SlotDaysProps) {
  if (slots.length === 0) {
    return <p className="slots-empty">{totalSlots > 0 ? fr.card.noSlotFiltered(totalSlots) : fr.card.noSlot}</p>;
  }
  const days = groupSlotsByDay(slots, now);
  return (
    <div className="slot-days" role="group" aria-label={fr.card.slotsLabel(ownerName)}>
      {days.map((day) => {
        const label = day.index < 3 ? (fr.card.days[day.index] ?? '') : fr.card.otherDays;
        const first = day.slots[0];
        return (
          <div key={day.index} className="slot-day">
            <div className="slot-day-label">
              <strong>{label}</strong>
              {first && day.index < 3 && <small>{formatDay(Date.parse(first.start))}</small>}
            </div>
            <ul className="slot-list">
              {day.slots.map((slot) => (
                <li key={slot.id}>
                  <SlotButton slot={slot} dayLabel={label} onBook={onBook} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
