// Filters as on the platform, each with its count: today / next days, consultation mode, slot type, and
// "with slots only". A toolbar: one Tab stop, ← → between filters, Espace or Entrée to toggle.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ConsultationMode, SlotType } from '../../shared/domain/slot';
import type { DayFilter, FacetCount, FilterFacets, SearchFilters } from '../../shared/ranking/filters';
import { fr } from '../i18n/fr';
import { activeFilterCount, type TabViewAction } from './tab-view';

interface FilterBarProps {
  filters: SearchFilters;
  facets: FilterFacets;
  onChange: (action: TabViewAction) => void;
  register: (focus: () => void) => void;
}

const DAY_LABELS: Record<DayFilter, { label: string; key: string }> = {
  today: { label: fr.filters.today, key: 'a' },
  'next-days': { label: fr.filters.nextDays, key: 'p' },
};
const MODE_KEYS: Record<ConsultationMode, string> = { cabinet: 'c', teleconsultation: 't', domicile: 'd' };

interface FilterButton {
  id: string;
  label: string;
  pressed: boolean;
  count?: { cards: number; slots: number };
  shortcut?: string;
  action: TabViewAction;
  group: string;
}

export function FilterBar({ filters, facets, onChange, register }: FilterBarProps) {
  const buttons: FilterButton[] = [
    ...facets.day.map((f: FacetCount<DayFilter>) => ({
      id: `day-${f.value}`,
      label: DAY_LABELS[f.value].label,
      shortcut: DAY_LABELS[f.value].key,
      pressed: filters.day === f.value,
      count: f,
      action: { type: 'toggle-day', day: f.value } as TabViewAction,
      group: fr.filters.day,
    })),
    ...facets.modes.map((f: FacetCount<ConsultationMode>) => ({
      id: `mode-${f.value}`,
      label: fr.slot.modes[f.value] ?? f.value,
      shortcut: MODE_KEYS[f.value],
      pressed: filters.modes?.includes(f.value) === true,
      count: f,
      action: { type: 'toggle-mode', mode: f.value } as TabViewAction,
      group: fr.filters.mode,
    })),
    ...facets.types.map((f: FacetCount<SlotType>) => ({
      id: `type-${f.value}`,
      label: fr.slot.types[f.value] ?? f.value,
      pressed: filters.types?.includes(f.value) === true,
      count: f,
      action: { type: 'toggle-type', slotType: f.value } as TabViewAction,
      group: fr.filters.type,
    })),
    {
      id: 'available',
      label: fr.filters.availableOnly,
      shortcut: 'u',
      pressed: filters.availableOnly === true,
      count: facets.available,
      action: { type: 'toggle-available-only' },
      group: '',
    },
  ];
  const active = activeFilterCount(filters);
  if (active > 0)
    buttons.push({
      id: 'clear',
      label: fr.filters.clear(active),
      shortcut: 'x',
      pressed: false,
      action: { type: 'clear-filters' },
      group: '',
    });

  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const currentIndex = Math.min(current, buttons.length - 1);
  register(() => refs.current[currentIndex]?.focus());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const edge = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : undefined;
    if (delta === 0 && edge === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const next = edge ?? (currentIndex + delta + buttons.length) % buttons.length;
    setCurrent(next);
    refs.current[next]?.focus();
  };

  let previousGroup = '';
  return (
    <div className="filter-bar" role="toolbar" aria-label={fr.filters.label} onKeyDown={move}>
      {buttons.map((button, index) => {
        const groupLabel = button.group !== previousGroup && button.group !== '' ? button.group : undefined;
        previousGroup = button.group;
        return (
          <span key={button.id} className="filter-item">
            {groupLabel && (
              <span className="filter-group" aria-hidden="true">
                {groupLabel}
              </span>
            )}
            <button
              ref={(element) => {
                refs.current[index] = element;
              }}
              type="button"
              className={`filter${button.pressed ? ' filter-on' : ''}${button.id === 'clear' ? ' filter-clear' : ''}`}
              aria-pressed={button.id === 'clear' ? undefined : button.pressed}
              tabIndex={index === currentIndex ? 0 : -1}
              title={
                [
                  groupLabel ?? button.group,
                  button.count ? fr.filters.count(button.count.cards, button.count.slots) : undefined,
                ]
                  .filter(Boolean)
                  .join(' — ') || undefined
              }
              data-filter={button.id}
              onFocus={() => setCurrent(index)}
              onClick={() => onChange(button.action)}
            >
              {button.label}
              {button.count && <span className="filter-count">{button.count.cards}</span>}
              {button.shortcut && <kbd aria-hidden="true">{button.shortcut}</kbd>}
            </button>
          </span>
        );
      })}
      <label className="filter-item filter-reason">
        <span className="filter-group">{fr.filters.reason}</span>
        <input
          type="search"
          maxLength={200}
          value={filters.reason ?? ''}
          placeholder={fr.filters.reasonPlaceholder}
          data-filter="reason"
          // Typing stays in the field: the toolbar's arrows and shortcuts are for the buttons.
          onKeyDown={(event) => event.stopPropagation()}
          onChange={(event) => onChange({ type: 'set-reason', reason: event.target.value })}
        />
      </label>
    </div>
  );
}
