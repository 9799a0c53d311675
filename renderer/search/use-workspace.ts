// The tabs wired to the console: starting, cancelling and retrying searches, routing stream events to tabs,
// opening bookings and noting contacts. The state itself is the pure reducer of workspace.ts.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { ConsoleApi, LaunchEvent, OpenBookingRequest } from '../../shared/api/console-api';
import { consoleErrorPayload } from '../../shared/api/errors';
import type { Slot } from '../../shared/domain/slot';
import { fr } from '../i18n/fr';
import { useRememberBooking } from '../orientations/TabLinks';
import { slotPlace } from './cards/agenda-confirmation';
import { practitionerName } from './format';
import type { ResultCard } from './list-rows';
import { formFromLaunch, queryFromLaunch, type SearchFormValues } from './search-query';
import type { SearchQuery } from '../../shared/domain/search';
import type { SpecialtyOption } from './specialty-options';
import type { TabViewAction } from './tab-view';
import { initialWorkspace, reduceWorkspace, type SearchTab, type TabOrigin, type WorkspaceState } from './workspace';

let counter = 0;
function newTabId(): string {
  counter += 1;
  return `onglet-${Date.now().toString(36)}-${counter}`;
}

export interface WorkspaceControls {
  state: WorkspaceState;
  openSearch: (query: SearchQuery, form: SearchFormValues, origin: TabOrigin, warnings?: SearchTab['warnings']) => void;
  closeTab: (tabId: string) => void;
  activate: (tabId: string) => void;
  retry: (tabId: string, sourceIds: string[]) => void;
  view: (tabId: string, action: TabViewAction) => void;
  dismissNotice: (tabId: string) => void;
  /** Resolves true once the booking page is open in the browser (false: no page, or refused). */
  book: (tabId: string, slot: Slot, card: ResultCard) => Promise<boolean>;
  recordContact: (tabId: string, card: ResultCard, phone: string | undefined) => void;
  /** Runs the tab's search again with this specialty (picked among the suggestions for text nobody recognised). */
  chooseSpecialty: (tabId: string, option: SpecialtyOption) => void;
  /** Runs the tab's search again as it was asked (after a reconnection, or « Réessayer »). */
  rerun: (tabId: string) => void;
}

export function useWorkspace(api: ConsoleApi): WorkspaceControls {
  const [state, dispatch] = useReducer(reduceWorkspace, initialWorkspace);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Tabs open right now, kept in step with open/close calls (the rendered state may lag behind an answer).
  const liveTabs = useRef(new Set<string>());
  const rememberBooking = useRememberBooking();

  useEffect(() => api.on('search', ({ searchId, event }) => dispatch({ type: 'event', searchId, event })), [api]);

  const openSearch = useCallback<WorkspaceControls['openSearch']>(
    (query, form, origin, warnings = []) => {
      const id = newTabId();
      liveTabs.current.add(id);
      dispatch({ type: 'open', tab: { id, origin, openedAt: Date.now(), form, query, warnings } });
      void api.startSearch(query).then(
        ({ searchId }) => {
          dispatch({ type: 'started', tabId: id, searchId });
          // Closed while starting: the console must forget this search (and the patient's address) too.
          if (!liveTabs.current.has(id)) void api.cancelSearch(searchId).catch(() => undefined);
        },
        (error: unknown) => dispatch({ type: 'start-failed', tabId: id, error: consoleErrorPayload(error) }),
      );
    },
    [api],
  );

  const restart = useCallback(
    (tabId: string, query: SearchQuery, form: SearchFormValues) => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      if (!tab) return;
      if (tab.searchId) void api.cancelSearch(tab.searchId).catch(() => undefined);
      dispatch({ type: 'restart', tabId, query, form });
      void api.startSearch(query).then(
        ({ searchId }) => {
          dispatch({ type: 'started', tabId, searchId });
          if (!liveTabs.current.has(tabId)) void api.cancelSearch(searchId).catch(() => undefined);
        },
        (error: unknown) => dispatch({ type: 'start-failed', tabId, error: consoleErrorPayload(error) }),
      );
    },
    [api],
  );

  const chooseSpecialty = useCallback(
    (tabId: string, option: SpecialtyOption) => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      if (!tab) return;
      const query: SearchQuery = { ...tab.query, specialty: { kind: 'coded', coding: option.coding } };
      const form: SearchFormValues = { ...tab.form, specialtyText: option.label, specialtyCoding: option.coding };
      restart(tabId, query, form);
    },
    [restart],
  );

  const rerun = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      if (tab) restart(tabId, tab.query, tab.form);
    },
    [restart],
  );

  const closeTab = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      liveTabs.current.delete(tabId);
      dispatch({ type: 'close', tabId });
      if (tab?.searchId) void api.cancelSearch(tab.searchId).catch(() => undefined);
    },
    [api],
  );

  const retry = useCallback(
    (tabId: string, sourceIds: string[]) => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      if (!tab?.searchId || sourceIds.length === 0) return;
      dispatch({ type: 'retry', tabId, sourceIds, at: Date.now() });
      api
        .retrySources(tab.searchId, sourceIds)
        .catch((error: unknown) => dispatch({ type: 'notice', tabId, notice: consoleErrorPayload(error) }));
    },
    [api],
  );

  const book = useCallback(
    async (tabId: string, slot: Slot, card: ResultCard): Promise<boolean> => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      if (!slot.bookingUrl) {
        dispatch({ type: 'notice', tabId, notice: { code: 'no-booking-url', message: fr.slot.noBookingUrl } });
        return false;
      }
      const origin = tab ? lrmOriginOf(tab) : undefined;
      const request: OpenBookingRequest = {
        ...(tab?.searchId ? { searchId: tab.searchId } : {}),
        slotId: slot.id,
        sourceId: slot.sourceId,
        bookingUrl: slot.bookingUrl,
        ...(slot.practitionerId ? { practitionerId: slot.practitionerId } : {}),
        practitionerName: cardName(card),
        start: slot.start,
        ...(origin ? { origin } : {}),
      };
      try {
        await api.openBooking(request);
        // « Mes orientations » re-opens this page for the appointment the publisher reports (same search and
        // practitioner), and names the place the regulator saw.
        const place = slotPlace(slot, card);
        if (tab?.searchId) rememberBooking(tab.searchId, slot.practitionerId, { request, ...(place ? { place } : {}) });
        return true;
      } catch (error: unknown) {
        dispatch({ type: 'notice', tabId, notice: consoleErrorPayload(error) });
        return false;
      }
    },
    [api, rememberBooking],
  );

  const recordContact = useCallback(
    (tabId: string, card: ResultCard, phone: string | undefined) => {
      const tab = stateRef.current.tabs.find((t) => t.id === tabId);
      // The journal keeps who was called, never the patient; a failure to note it must not block the call.
      api
        .recordContact({
          ...(tab?.searchId ? { searchId: tab.searchId } : {}),
          ...contactTarget(card),
          targetName: cardName(card),
          ...(phone ? { phone } : {}),
        })
        .catch((error: unknown) => dispatch({ type: 'notice', tabId, notice: consoleErrorPayload(error) }));
    },
    [api],
  );

  return useMemo(
    () => ({
      state,
      openSearch,
      closeTab,
      activate: (tabId: string) => dispatch({ type: 'activate', tabId }),
      retry,
      view: (tabId: string, action: TabViewAction) => dispatch({ type: 'view', tabId, action }),
      dismissNotice: (tabId: string) => dispatch({ type: 'notice', tabId, notice: undefined }),
      book,
      recordContact,
      chooseSpecialty,
      rerun,
    }),
    [state, openSearch, closeTab, retry, book, recordContact, chooseSpecialty, rerun],
  );
}

/** Opens a tab for each valid LRM launch once, then hands it back so the shell forgets it. */
export function useLaunchTabs(
  launches: readonly LaunchEvent[],
  open: WorkspaceControls['openSearch'],
  consumed: (id: string) => void,
): void {
  const opened = useRef(new Set<string>());
  useEffect(() => {
    for (const launch of launches) {
      if (!launch.result.ok || opened.current.has(launch.id)) continue;
      opened.current.add(launch.id);
      const { request, warnings } = launch.result;
      open(
        queryFromLaunch(request),
        formFromLaunch(request),
        { kind: 'launch', launchId: launch.id, ...(request.origin ? { lrmOrigin: request.origin } : {}) },
        warnings,
      );
      consumed(launch.id);
    }
  }, [launches, open, consumed]);
}

/** The LRM origin of a tab opened by a launch: bookings made from it are sent back to that SAMU's LRM. */
export function lrmOriginOf(tab: Pick<SearchTab, 'origin'>): string | undefined {
  return tab.origin.kind === 'launch' ? tab.origin.lrmOrigin : undefined;
}

/**
 * Who the journal notes as called. Structure cards (MSP, centres de santé) offer a plain phone link and never ask to
 * note a contact; their FINESS under the CPTS kind only keeps this total.
 */
function contactTarget(card: ResultCard): { target: 'practitioner' | 'cpts' | 'sos'; targetId: string } {
  if (card.kind === 'cpts') return { target: 'cpts', targetId: card.cpts.finess };
  if (card.kind === 'structure') return { target: 'cpts', targetId: card.structure.finess };
  if (card.kind === 'sos') return { target: 'sos', targetId: card.site.id };
  return { target: 'practitioner', targetId: card.practitioner.nationalId };
}

function cardName(card: ResultCard): string {
  if (card.kind === 'practitioner') return practitionerName(card.practitioner);
  if (card.kind === 'cpts') return card.cpts.name;
  if (card.kind === 'structure') return card.structure.name;
  return card.site.name || card.site.associationName;
}
