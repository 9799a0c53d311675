// A card's slots by day: aujourd'hui / demain / après-demain (then other days, each chip with its date). Folded,
// the first slots read on one line (each day's label before its first chip) with « + n créneaux » to unfold, so
// three cards fit on a small screen; unfolded, one wrapped row per day. Walk-in slots (a site open without
// appointment) are never chips: one line per calendar day with its hours, dated beyond the three days.
import { Fragment, useContext, useState } from 'react';
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
  const chipsOf = (day: SlotDay) => day.slots.filter((slot) => slotKind(slot) !== 'walk-in');
  // Beyond the three days a walk-in line is dated: "Autres jours" spans several days.
  const walkInLines = (day: SlotDay) => {
    const byDate = new Map<string, Slot[]>();
    for (const slot of day.slots) {
      if (slotKind(slot) !== 'walk-in') continue;
      const label = day.index < 3 ? dayLabel(day) : formatDay(Date.parse(slot.start), timeZone);
      byDate.set(label, [...(byDate.get(label) ?? []), slot]);
    }
    return [...byDate].map(([label, walkIns]) => {
      const span = walkInSpan(walkIns);
      if (!span) return null;
      return (
        <p
          key={`w${day.index}-${label}`}
          className="slot-walkin-line"
          data-walk-in-day={day.index}
          title={fr.slotKinds.walkInTitle}
        >
          {fr.slotKinds.walkInLine(label, formatSlotTime(span.from, timeZone), formatSlotTime(span.to, timeZone))}
        </p>
      );
    });
  };
  const chips = days.reduce((n, d) => n + chipsOf(d).length, 0);
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
        {days.flatMap(walkInLines)}
        <ul className="slot-list slot-list-folded">
          {days
            .filter((d) => chipsOf(d).length > 0)
            .flatMap((day) => {
              const shown = chipsOf(day).slice(0, Math.max(0, left));
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
        const dayChips = chipsOf(day);
        // A day of walk-ins only: its line already names the day.
        if (dayChips.length === 0) return <Fragment key={day.index}>{walkInLines(day)}</Fragment>;
        return (
          <div key={day.index} className="slot-day">
            <div className="slot-day-label">
              <strong>{label}</strong>
              {first && day.index < 3 && <small>{formatDay(Date.parse(first.start), timeZone)}</small>}
            </div>
            <div className="slot-day-content">
              {walkInLines(day)}
              <ul className="slot-list">
                {dayChips.map((slot) => (
                  <li key={slot.id}>
                    <SlotButton slot={slot} dayLabel={label} showDate={day.index === 3} onBook={onBook} />
                  </li>
                ))}
              </ul>
            </div>
          </div>
        );
      })}
      {toggle}
    </div>
  );
}
