// The tab links as React context: the workspace publishes its tabs, "Mes orientations" reads them and brings a tab
// back; beside them, the memory of the calls and bookings behind each search (call-memory.ts). Outside a provider
// (tests, another shell) the links and the memory are simply empty.
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SearchTab } from '../search/workspace';
import { tabDetail, tabTitle } from '../search/tab-title';
import { callContextOfTab } from './call-context';
import { CallMemory, EMPTY_CALL_MEMORY, type CallMemorySnapshot } from './call-memory';
import { EMPTY_TAB_LINKS, TabLinkStore, type TabLinksSnapshot } from './tab-links';

const TabLinksContext = createContext<TabLinkStore | undefined>(undefined);
const CallMemoryContext = createContext<CallMemory | undefined>(undefined);
const noSubscription = () => () => undefined;

export function TabLinksProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new TabLinkStore());
  // Kept across logouts: each regulator's list only names their own searches, and a regulator logged out by an
  // expired session finds the calls behind their appointments again.
  const [memory] = useState(() => new CallMemory());
  return (
    <TabLinksContext.Provider value={store}>
      <CallMemoryContext.Provider value={memory}>{children}</CallMemoryContext.Provider>
    </TabLinksContext.Provider>
  );
}

const emptyMemory = () => EMPTY_CALL_MEMORY;

/** The memory of calls and bookings, as "Mes orientations" reads it. */
export function useCallMemorySnapshot(): CallMemorySnapshot {
  const memory = useContext(CallMemoryContext);
  return useSyncExternalStore(memory?.subscribe ?? noSubscription, memory?.getSnapshot ?? emptyMemory);
}

/** For the workspace and the slot chips: remembers a booking page opened or a SAS-agenda booking confirmed. */
export function useRememberBooking(): CallMemory['rememberBooking'] {
  const memory = useContext(CallMemoryContext);
  return memory?.rememberBooking ?? ignoreBooking;
}

const ignoreBooking: CallMemory['rememberBooking'] = () => undefined;

const emptySnapshot = () => EMPTY_TAB_LINKS;

export function useTabLinks(): TabLinksSnapshot {
  const store = useContext(TabLinksContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? emptySnapshot);
}

/** Brings an open tab to the front; false when it is no longer open. */
export function useFocusTab(): (tabId: string) => boolean {
  const store = useContext(TabLinksContext);
  return (tabId) => store?.focus(tabId) ?? false;
}

/** For the workspace: publishes its tabs (those whose search started) and how to activate one. */
export function usePublishTabLinks(tabs: readonly SearchTab[], activate: (tabId: string) => void): void {
  const store = useContext(TabLinksContext);
  const memory = useContext(CallMemoryContext);
  const activateRef = useRef(activate);
  activateRef.current = activate;

  useEffect(() => {
    store?.publish(
      tabs.flatMap((tab) =>
        tab.searchId ? [{ tabId: tab.id, searchId: tab.searchId, title: `${tabTitle(tab)} (${tabDetail(tab)})` }] : [],
      ),
      tabs.flatMap((tab) => tab.stream.sources),
    );
    memory?.recordCalls(tabs.flatMap((tab) => callContextOfTab(tab) ?? []));
  }, [store, memory, tabs]);

  useEffect(() => {
    if (!store) return undefined;
    store.setFocusHandler((tabId) => activateRef.current(tabId));
    return () => {
      // Logged out: the workspace and its tabs are gone.
      store.setFocusHandler(undefined);
      store.publish([], []);
    };
  }, [store]);
}
