// The tab links as React context: the workspace publishes its tabs, "Mes orientations" reads them and brings a tab
// back. Outside a provider (tests, another shell) the links are simply empty.
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SearchTab } from '../search/workspace';
import { tabDetail, tabTitle } from '../search/tab-title';
import { EMPTY_TAB_LINKS, TabLinkStore, type TabLinksSnapshot } from './tab-links';

const TabLinksContext = createContext<TabLinkStore | undefined>(undefined);

export function TabLinksProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new TabLinkStore());
  return <TabLinksContext.Provider value={store}>{children}</TabLinksContext.Provider>;
}

const noSubscription = () => () => undefined;
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
  const activateRef = useRef(activate);
  activateRef.current = activate;

  useEffect(() => {
    store?.publish(
      tabs.flatMap((tab) =>
        tab.searchId ? [{ tabId: tab.id, searchId: tab.searchId, title: `${tabTitle(tab)} (${tabDetail(tab)})` }] : [],
      ),
      tabs.flatMap((tab) => tab.stream.sources),
    );
  }, [store, tabs]);

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
