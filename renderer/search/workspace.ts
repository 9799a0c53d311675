// The regulator's tabs: one per search or LRM launch, each with its query, its stream state and its view.
// Pure reducer. Closing a tab drops everything it held (the patient's address included) from this state; the
// caller also cancels its search so the console's services drop it too.
import type { LaunchIssue } from '../../shared/domain/launch';
import type { SearchEvent, SearchQuery } from '../../shared/domain/search';
import {
  applyStreamEvent,
  initialStreamState,
  markRetrying,
  type SearchError,
  type SearchStreamState,
} from './search-stream';
import type { SearchFormValues } from './search-query';
import { initialTabView, reduceTabView, type TabView, type TabViewAction } from './tab-view';

export type TabOrigin = { kind: 'launch'; launchId: string; lrmOrigin?: string } | { kind: 'manual' };

export interface SearchTab {
  id: string;
  origin: TabOrigin;
  /** Epoch ms when the tab was opened (its label shows the time). */
  openedAt: number;
  form: SearchFormValues;
  query: SearchQuery;
  /** Launch warnings worth showing above the results (e.g. "médecin traitant non renseigné"). */
  warnings: LaunchIssue[];
  /** Set once `startSearch` answered. */
  searchId?: string;
  /** `startSearch` itself was refused (no session, backend down...). */
  startError?: SearchError;
  /** A refused action of this tab (retry, booking), shown until dismissed. */
  notice?: SearchError;
  stream: SearchStreamState;
  view: TabView;
}

export interface WorkspaceState {
  tabs: SearchTab[];
  activeId?: string;
  /** Events for a search id no tab holds yet (the stream may overtake the `startSearch` answer). */
  early: Record<string, SearchEvent[]>;
  /** Search ids of closed tabs: their late events are dropped. */
  closed: string[];
}

export const initialWorkspace: WorkspaceState = { tabs: [], early: {}, closed: [] };

export type WorkspaceAction =
  | { type: 'open'; tab: Omit<SearchTab, 'stream' | 'view'> }
  | { type: 'close'; tabId: string }
  | { type: 'activate'; tabId: string }
  | { type: 'started'; tabId: string; searchId: string }
  | { type: 'start-failed'; tabId: string; error: SearchError }
  | { type: 'event'; searchId: string; event: SearchEvent }
  | { type: 'retry'; tabId: string; sourceIds: string[]; at: number }
  | { type: 'notice'; tabId: string; notice: SearchError | undefined }
  | { type: 'view'; tabId: string; action: TabViewAction }
  | { type: 'restart'; tabId: string; query: SearchQuery; form: SearchFormValues };

const MAX_EARLY_EVENTS = 5_000;
const MAX_EARLY_SEARCHES = 20;
const MAX_CLOSED = 100;

export function reduceWorkspace(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'open': {
      const tab: SearchTab = { ...action.tab, stream: initialStreamState, view: initialTabView };
      return { ...state, tabs: [...state.tabs, tab], activeId: tab.id };
    }
    case 'close':
      return closeTab(state, action.tabId);
    case 'activate':
      return state.tabs.some((t) => t.id === action.tabId) ? { ...state, activeId: action.tabId } : state;
    case 'started': {
      const buffered = state.early[action.searchId] ?? [];
      const { [action.searchId]: _taken, ...early } = state.early;
      // The tab was closed while its search was starting: the caller cancels it, its events are dropped.
      if (!state.tabs.some((t) => t.id === action.tabId))
        return { ...state, early, closed: [...state.closed, action.searchId].slice(-MAX_CLOSED) };
      return {
        ...state,
        early,
        tabs: updateTab(state.tabs, action.tabId, (tab) => ({
          ...tab,
          searchId: action.searchId,
          stream: buffered.reduce(applyStreamEvent, tab.stream),
        })),
      };
    }
    case 'start-failed':
      return { ...state, tabs: updateTab(state.tabs, action.tabId, (tab) => ({ ...tab, startError: action.error })) };
    case 'event': {
      if (state.closed.includes(action.searchId)) return state;
      const tab = state.tabs.find((t) => t.searchId === action.searchId);
      if (!tab) return bufferEarly(state, action.searchId, action.event);
      return {
        ...state,
        tabs: updateTab(state.tabs, tab.id, (t) => ({ ...t, stream: applyStreamEvent(t.stream, action.event) })),
      };
    }
    case 'retry':
      return {
        ...state,
        tabs: updateTab(state.tabs, action.tabId, (tab) => ({
          ...tab,
          stream: markRetrying(tab.stream, action.sourceIds, action.at),
        })),
      };
    case 'notice':
      return { ...state, tabs: updateTab(state.tabs, action.tabId, (tab) => ({ ...tab, notice: action.notice })) };
    case 'view':
      return {
        ...state,
        tabs: updateTab(state.tabs, action.tabId, (tab) => ({ ...tab, view: reduceTabView(tab.view, action.action) })),
      };
    case 'restart':
      return restartTab(state, action.tabId, action.query, action.form);
    default:
      return state;
  }
}

function updateTab(tabs: SearchTab[], tabId: string, change: (tab: SearchTab) => SearchTab): SearchTab[] {
  let changed = false;
  const next = tabs.map((tab) => {
    if (tab.id !== tabId) return tab;
    const updated = change(tab);
    changed ||= updated !== tab;
    return updated;
  });
  return changed ? next : tabs;
}

function closeTab(state: WorkspaceState, tabId: string): WorkspaceState {
  const index = state.tabs.findIndex((t) => t.id === tabId);
  const tab = state.tabs[index];
  if (!tab) return state;
  const tabs = state.tabs.filter((t) => t.id !== tabId);
  // The neighbour on the right takes the focus, as in a browser; else the one on the left.
  const activeId = state.activeId === tabId ? (tabs[index] ?? tabs[index - 1])?.id : state.activeId;
  const closed = tab.searchId ? [...state.closed, tab.searchId].slice(-MAX_CLOSED) : state.closed;
  return { ...state, tabs, activeId, closed };
}

/**
 * The same tab, asked again with another query (a specialty picked from the suggestions): its origin, time and
 * launch warnings stay; its previous search's late events are dropped.
 */
function restartTab(state: WorkspaceState, tabId: string, query: SearchQuery, form: SearchFormValues): WorkspaceState {
  const tab = state.tabs.find((t) => t.id === tabId);
  if (!tab) return state;
  const closed = tab.searchId ? [...state.closed, tab.searchId].slice(-MAX_CLOSED) : state.closed;
  const { searchId: _old, startError: _error, notice: _notice, ...kept } = tab;
  const restarted: SearchTab = { ...kept, query, form, stream: initialStreamState, view: initialTabView };
  return { ...state, closed, tabs: state.tabs.map((t) => (t.id === tabId ? restarted : t)) };
}

function bufferEarly(state: WorkspaceState, searchId: string, event: SearchEvent): WorkspaceState {
  const events = state.early[searchId];
  if (events && events.length >= MAX_EARLY_EVENTS) return state;
  let early = { ...state.early, [searchId]: [...(events ?? []), event] };
  const ids = Object.keys(early);
  // Events nobody claims (another window's search) must not pile up.
  if (ids.length > MAX_EARLY_SEARCHES) {
    const { [ids[0] ?? '']: _oldest, ...rest } = early;
    early = rest;
  }
  return { ...state, early };
}

export function activeTab(state: WorkspaceState): SearchTab | undefined {
  return state.tabs.find((t) => t.id === state.activeId);
}
