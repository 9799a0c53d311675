// The logged-in console: the search bar, the tabs (one per search or LRM launch), the active tab's results, and
// the keyboard shortcuts that drive them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LaunchEvent } from '../../shared/api/console-api';
import { getConsoleApi } from '../api/console-client';
import { fr } from '../i18n/fr';
import { mapStyleUrlFromSettings } from '../map/map-style';
import { usePublishTabLinks } from '../orientations/TabLinks';
import { displayedForm } from './bar/displayed-form';
import { SearchBar } from './bar/SearchBar';
import type { ShortcutCommand } from './keyboard';
import { shortcutOfEvent } from './keyboard-event';
import { emptyForm } from './search-query';
import { SearchTabView } from './SearchTabView';
import { ShortcutHelp } from './ShortcutHelp';
import { TabBar } from './TabBar';
import { tabTitle } from './tab-title';
import { useLaunchTabs, useWorkspace } from './use-workspace';
import { activeTab } from './workspace';

interface WorkspaceProps {
  launches: readonly LaunchEvent[];
  /** A valid launch became a tab: the shell may forget it. */
  onLaunchConsumed: (id: string) => void;
  /** How many tabs are open (the shell asks before a logout drops them). */
  onTabCount?: (count: number) => void;
  /** The session ended by itself: the tabs stay, inert, and rerun once the regulator is logged in again. */
  paused?: boolean;
  pausedReason?: string;
}

export function Workspace({ launches, onLaunchConsumed, onTabCount, paused = false, pausedReason }: WorkspaceProps) {
  const api = getConsoleApi();
  const controls = useWorkspace(api);
  const { state } = controls;
  useLaunchTabs(launches, controls.openSearch, onLaunchConsumed);
  // "Mes orientations" links each appointment to the tab it was booked from, and brings that tab back.
  usePublishTabLinks(state.tabs, controls.activate);

  const [showMap, setShowMap] = useState(true);
  const [mapStyleUrl, setMapStyleUrl] = useState<string | undefined>();
  const [help, setHelp] = useState(false);
  const tabCommands = useRef<((command: ShortcutCommand) => boolean) | undefined>(undefined);
  const focusSearch = useRef<(() => void) | undefined>(undefined);
  const suggestLocations = useCallback((text: string) => api.suggestLocations(text), [api]);
  const registerFocus = useCallback((focus: () => void) => {
    focusSearch.current = focus;
  }, []);
  // After « Rechercher » the focus goes to the first result of the new tab, once there is one.
  const focusFirstResult = useRef(false);
  const takeFirstResultFocus = useCallback(() => {
    const wanted = focusFirstResult.current;
    focusFirstResult.current = false;
    return wanted;
  }, []);

  useEffect(() => {
    api.getSettings().then(
      (settings) => {
        setShowMap(settings.ui.showMap);
        setMapStyleUrl(mapStyleUrlFromSettings(settings));
      },
      () => undefined,
    );
  }, [api]);

  const active = activeTab(state);
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => onTabCount?.(state.tabs.length), [onTabCount, state.tabs.length]);
  useRerunAfterReconnection(paused, stateRef, controls.rerun);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : document.body;
      if (target.closest('dialog[open]')) return;
      // The map keeps its own arrow keys (panning) when it has the focus.
      if (target.closest('.maplibregl-map') && event.key.startsWith('Arrow')) return;
      const command = shortcutOfEvent(event);
      if (!command) return;
      const { tabs, activeId } = stateRef.current;
      const index = tabs.findIndex((t) => t.id === activeId);
      let handled = true;
      switch (command) {
        case 'help':
          setHelp(true);
          break;
        case 'focus-search':
          focusSearch.current?.();
          break;
        case 'toggle-map':
          setShowMap((v) => !v);
          break;
        case 'next-tab':
        case 'previous-tab': {
          const next = tabs[(index + (command === 'next-tab' ? 1 : -1) + tabs.length) % Math.max(1, tabs.length)];
          if (next) controls.activate(next.id);
          break;
        }
        default: {
          const numbered = /^tab-(\d)$/u.exec(command);
          if (numbered) {
            const target = tabs[Number(numbered[1]) - 1];
            if (target) controls.activate(target.id);
            else handled = false;
          } else handled = tabCommands.current?.(command) ?? false;
        }
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controls]);

  // Leaving the workspace (logout) drops every tab: their searches are cancelled in the console too.
  useEffect(
    () => () => {
      for (const tab of stateRef.current.tabs)
        if (tab.searchId) void api.cancelSearch(tab.searchId).catch(() => undefined);
    },
    [api],
  );

  return (
    <div className={paused ? 'workspace workspace-paused' : 'workspace'}>
      <h1 className="visually-hidden">{fr.search.barLabel}</h1>
      {paused && (
        <div className="alert alert-warning session-ended" role="alert" data-testid="session-ended">
          <strong>{fr.incidents.sessionEndedTitle}</strong>
          {pausedReason && <span> — {pausedReason}</span>}
          {state.tabs.length > 0 && <span> {fr.incidents.tabsKept(state.tabs.length)}</span>}
        </div>
      )}
      <div className="workspace-content" {...(paused ? { inert: true } : {})}>
        <div className="workspace-top">
          <SearchBar
            key={`${active?.id ?? 'nouvelle'}-${active?.stream.location ? 'situe' : 'en-cours'}`}
            initial={active ? displayedForm(active.form, active.stream.location) : emptyForm}
            suggestLocations={suggestLocations}
            registerFocus={registerFocus}
            onSearch={(query, form) => {
              focusFirstResult.current = true;
              controls.openSearch(query, form, { kind: 'manual' });
            }}
          />
          <div className="workspace-tools">
            <button type="button" className="btn" onClick={() => setShowMap((v) => !v)} aria-pressed={showMap}>
              {showMap ? fr.map.hide : fr.map.show}
              <kbd aria-hidden="true">m</kbd>
            </button>
            <button type="button" className="btn" onClick={() => setHelp(true)}>
              {fr.shortcuts.open}
              <kbd aria-hidden="true">?</kbd>
            </button>
          </div>
        </div>
        <TabBar
          tabs={state.tabs}
          {...(state.activeId ? { activeId: state.activeId } : {})}
          onActivate={controls.activate}
          onClose={controls.closeTab}
        />
        {active ? (
          <section className="tab-panel" aria-label={tabTitle(active)} data-testid="search-tab">
            <SearchTabView
              key={active.id}
              tab={active}
              controls={controls}
              showMap={showMap}
              {...(mapStyleUrl ? { mapStyleUrl } : {})}
              commands={tabCommands}
              takeFirstResultFocus={takeFirstResultFocus}
            />
          </section>
        ) : (
          <section className="workspace-empty">
            <h2>{fr.tabs.empty}</h2>
            <p>{fr.tabs.emptyHint}</p>
          </section>
        )}
      </div>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

/** Once the regulator is logged in again, every tab kept through the ended session runs its search again. */
function useRerunAfterReconnection(
  paused: boolean,
  stateRef: { current: { tabs: readonly { id: string }[] } },
  rerun: (tabId: string) => void,
): void {
  const wasPaused = useRef(paused);
  useEffect(() => {
    if (wasPaused.current && !paused) for (const tab of stateRef.current.tabs) rerun(tab.id);
    wasPaused.current = paused;
  }, [paused, stateRef, rerun]);
}
