// A card's slots by day: aujourd'hui / demain / après-demain (then other days, each chip with its date). Folded,
// the first slots read on one line (each day's label before its first chip) with « + n créneaux » to unfold, so
// three cards fit on a small screen; unfolded, one wrapped row per day. A day of walk-in slots only (a site open
// without appointment) is one line with its hours, not dozens of chips.
import { useContext, useState } from 'react';
import type { Slot } from '@shared/domain/slot';
import { fr } from '../../i18n/fr';
import { formatDay, formatSlotTime } from '../format';
import { groupSlotsByDay, type SlotDay } from '../slot-days';
import { SlotContext } from './slot-context';
import { SlotButton } from './SlotButton';
import { slotKind, walkInSpan } from './slot-kind';

/** Chips shown while a card is folded. */
const FOLDED_CHIPS = 4;

interface SlotDaysProps {
  slots: readonly Slot[];
  now: number;
  /** Slots received before the filters: explains an empty row. */
  totalSlots: number;
  ownerName: string;
  onBook: (slot: Slot) => void;
}

function dayLabel(day: SlotDay): string {
  return day.index < 3 ? (fr.card.days[day.index] ?? '') : fr.card.otherDays;
}

export function SlotDays({ slots, now, totalSlots, ownerName, onBook }: SlotDaysProps) {
  const { timeZone } = useContext(SlotContext);
  const [unfolded, setUnfolded] = useState(false);
  if (slots.length === 0) {
    return <p className="slots-empty">{totalSlots > 0 ? fr.card.noSlotFiltered(totalSlots) : fr.card.noSlot}</p>;
  }
  const days = groupSlotsByDay(slots, now, timeZone);
  const walkIn = (day: SlotDay) => day.index < 3 && day.slots.every((slot) => slotKind(slot) === 'walk-in');
  const walkInLine = (day: SlotDay) => {
    const span = walkInSpan(day.slots);
    if (!span) return null;
    return (
      <p
        key={`w${day.index}`}
        className="slot-walkin-line"
        data-walk-in-day={day.index}
        title={fr.slotKinds.walkInTitle}
      >
        {fr.slotKinds.walkInLine(dayLabel(day), formatSlotTime(span.from, timeZone), formatSlotTime(span.to, timeZone))}
      </p>
    );
  };
  const chips = days.filter((d) => !walkIn(d)).reduce((n, d) => n + d.slots.length, 0);
  const foldable = chips > FOLDED_CHIPS;
  const folded = foldable && !unfolded;
  const toggle = foldable && (
    <button type="button" className="slot-more" aria-expanded={unfolded} onClick={() => setUnfolded((u) => !u)}>
      {unfolded ? fr.slotKinds.fold : fr.slotKinds.more(chips - FOLDED_CHIPS)}
    </button>
  );

  if (folded) {
    let left = FOLDED_CHIPS;
    return (
      <div className="slot-days slot-days-folded" role="group" aria-label={fr.card.slotsLabel(ownerName)}>
        {days.filter(walkIn).map(walkInLine)}
        <ul className="slot-list slot-list-folded">
          {days
            .filter((d) => !walkIn(d))
            .flatMap((day) => {
              const shown = day.slots.slice(0, Math.max(0, left));
              left -= shown.length;
              return shown.map((slot, i) => (
                <li key={slot.id}>
                  {i === 0 && <span className="slot-day-inline">{dayLabel(day)}</span>}
                  <SlotButton slot={slot} dayLabel={dayLabel(day)} showDate={day.index === 3} onBook={onBook} />
                </li>
              ));
            })}
          <li>{toggle}</li>
        </ul>
      </div>
    );
  }
  return (
    <div className="slot-days" role="group" aria-label={fr.card.slotsLabel(ownerName)}>
      {days.map((day) => {
        const label = dayLabel(day);
        const first = day.slots[0];
        return (
          <div key={day.index} className="slot-day">
            <div className="slot-day-label">
              <strong>{label}</strong>
              {first && day.index < 3 && <small>{formatDay(Date.parse(first.start), timeZone)}</small>}
            </div>
            {walkIn(day) ? (
              walkInLine(day)
            ) : (
              <ul className="slot-list">
                {day.slots.map((slot) => (
                  <li key={slot.id}>
                    <SlotButton slot={slot} dayLabel={label} showDate={day.index === 3} onBook={onBook} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {toggle}
    </div>
  );
}
