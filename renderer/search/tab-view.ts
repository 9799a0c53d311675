// How the regulator is looking at one tab's results: which intention, which filters, which CPTS is opened, which
// card is selected (shared by the list and the map). Pure reducer; the results themselves live in search-stream.
import type { ConsultationMode, SlotType } from '../../shared/domain/slot';
import type { DayFilter, SearchFilters } from '../../shared/ranking/filters';

/** First intention: "PS disposant de créneaux disponibles"; second: "Créneaux en sus des disponibilités". */
export type Intention = 'first' | 'second';

export interface TabView {
  intention: Intention;
  filters: SearchFilters;
  /** FINESS of the CPTS whose practitioners are listed ("Voir tous les professionnels de la CPTS"). */
  cptsFocus?: string;
  /** Key of the selected card (list and map). */
  selectedKey?: string;
}

export const initialTabView: TabView = { intention: 'first', filters: {} };

export type TabViewAction =
  | { type: 'set-intention'; intention: Intention }
  | { type: 'toggle-day'; day: DayFilter }
  | { type: 'toggle-mode'; mode: ConsultationMode }
  | { type: 'toggle-type'; slotType: SlotType }
  | { type: 'toggle-available-only' }
  | { type: 'set-reason'; reason: string }
  | { type: 'clear-filters' }
  | { type: 'focus-cpts'; finess: string }
  | { type: 'leave-cpts' }
  | { type: 'select'; key: string | undefined };

export function reduceTabView(view: TabView, action: TabViewAction): TabView {
  switch (action.type) {
    case 'set-intention':
      return view.intention === action.intention && view.cptsFocus === undefined
        ? view
        : { ...view, intention: action.intention, cptsFocus: undefined };
    case 'toggle-day':
      return { ...view, filters: withDay(view.filters, view.filters.day === action.day ? undefined : action.day) };
    case 'toggle-mode':
      return { ...view, filters: { ...view.filters, modes: toggle(view.filters.modes, action.mode) } };
    case 'toggle-type':
      return { ...view, filters: { ...view.filters, types: toggle(view.filters.types, action.slotType) } };
    case 'toggle-available-only':
      return { ...view, filters: { ...view.filters, availableOnly: view.filters.availableOnly !== true } };
    case 'set-reason': {
      const { reason: _previous, ...rest } = view.filters;
      const reason = action.reason.slice(0, 200);
      return { ...view, filters: reason.trim() === '' ? rest : { ...rest, reason } };
    }
    case 'clear-filters':
      return { ...view, filters: {} };
    case 'focus-cpts':
      return { ...view, cptsFocus: action.finess, selectedKey: `cpts:${action.finess}` };
    case 'leave-cpts':
      return { ...view, cptsFocus: undefined };
    case 'select':
      return view.selectedKey === action.key ? view : { ...view, selectedKey: action.key };
    default:
      return view;
  }
}

function withDay(filters: SearchFilters, day: DayFilter | undefined): SearchFilters {
  const { day: _previous, ...rest } = filters;
  return day === undefined ? rest : { ...rest, day };
}

function toggle<T>(values: readonly T[] | undefined, value: T): T[] {
  const list = values ?? [];
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** How many filters are on (for "Effacer les filtres (3)"). */
export function activeFilterCount(filters: SearchFilters): number {
  return (
    (filters.day ? 1 : 0) +
    (filters.modes?.length ?? 0) +
    (filters.types?.length ?? 0) +
    (filters.availableOnly ? 1 : 0) +
    (filters.reason?.trim() ? 1 : 0)
  );
}
