// One search tab: what the search found so far (cards appear as sources answer), the status strip, intentions,
// filters, the list and the map, kept in sync. Keyboard commands reach it through `commands`.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Slot } from '../../shared/domain/slot';
import { CptsOtherMembers } from './cards/CptsOtherMembers';
import { fr } from '../i18n/fr';
import { AgendaConfirmDialog } from './cards/AgendaConfirmDialog';
import type { CardActions } from './cards/ResultCardView';
import { bookedKey, SlotContext } from './cards/slot-context';
import { SlotLegend } from './cards/SlotLegend';
import { slotKind } from './cards/slot-kind';
import { useAgendaBooking } from './cards/use-agenda-booking';
import { useSlotContext } from './cards/use-slot-context';
import { formatSlotTime, workstationTimeZone, zoneLabel } from './format';
import { getConsoleApi } from '../api/console-client';
import { FilterBar } from './FilterBar';
import { IntentionSwitch } from './IntentionSwitch';
import type { ShortcutCommand } from './keyboard';
import type { ResultCard } from './list-rows';
import { ErrorNotice, GpNotice, LaunchWarnings, LocationLine, LocationNotices, OfferPageNotice } from './Notices';
import type { ListController } from './ResultList';
import { ResultsArea } from './ResultsArea';
import { StatusStrip } from './StatusStrip';
import { useStableModel } from './stable-rows';
import { SourceStatesContext, type SourceStates } from './cards/source-states';
import { SpecialtyPicker } from './SpecialtyPicker';
import { specialtyToPick } from './specialty-picker';
import { runTabCommand } from './tab-commands';
import { activeFilterCount, type TabViewAction } from './tab-view';
import { useNow } from './use-now';
import { useOfferPaging } from './use-offer-paging';
import { useTabResults } from './use-tab-results';
import { lrmOriginOf, type WorkspaceControls } from './use-workspace';
import type { SearchTab } from './workspace';

interface SearchTabViewProps {
  tab: SearchTab;
  controls: WorkspaceControls;
  showMap: boolean;
  mapStyleUrl?: string;
  /** Where the workspace sends the keyboard commands meant for this tab. */
  commands: { current: ((command: ShortcutCommand) => boolean) | undefined };
  /** True once when the tab comes from « Rechercher »: its first result then takes the focus. */
  takeFirstResultFocus?: () => boolean;
}

export function SearchTabView({
  tab,
  controls,
  showMap,
  mapStyleUrl,
  commands,
  takeFirstResultFocus,
}: SearchTabViewProps) {
  const { stream, view } = tab;
  // Seconds matter while sources are awaited ("en retard (5 s)"); afterwards only the day changes.
  const now = useNow(stream.phase !== 'done' ? 1_000 : 60_000);
  const { minute, results, model: ranked, counts, summary } = useTabResults(tab, now);
  const [hoveredKey, setHoveredKey] = useState<string | undefined>();
  // Late answers must not move the card the regulator picked or points at: the order on screen is held.
  const stable = useStableModel(
    ranked,
    view.selectedKey !== undefined || hoveredKey !== undefined,
    `${view.intention}|${view.cptsFocus ?? ''}|${JSON.stringify(view.filters)}`,
  );
  const model = stable.model;
  const paging = useOfferPaging(
    getConsoleApi(),
    tab.searchId,
    stream.offer,
    model.cards.length,
    `${view.intention}|${JSON.stringify(view.filters)}`,
  );
  const list = useRef<ListController | undefined>(undefined);
  const focusFilters = useRef<(() => void) | undefined>(undefined);

  const dispatchView = useCallback((action: TabViewAction) => controls.view(tab.id, action), [controls, tab.id]);
  const select = useCallback(
    (key: string, reveal: 'scroll' | 'focus') => {
      dispatchView({ type: 'select', key });
      list.current?.reveal(key, reveal === 'focus');
    },
    [dispatchView],
  );
  const slotContext = useSlotContext(getConsoleApi(), tab.searchId, stream.location);
  const { markOpened, markBooked, markTaken } = slotContext;
  const [bookingFeedback, setBookingFeedback] = useState('');
  const onAgendaBooked = useCallback(
    (slot: Slot) => setBookingFeedback(fr.agendaBooking.booked(formatSlotTime(slot.start, slotContext.value.timeZone))),
    [slotContext.value.timeZone],
  );
  const agenda = useAgendaBooking({
    api: getConsoleApi(),
    searchId: tab.searchId,
    origin: lrmOriginOf(tab),
    timeZone: slotContext.value.timeZone,
    markBooked,
    markTaken,
    onBooked: onAgendaBooked,
  });
  const openAgenda = agenda.open;
  const book = useCallback(
    (slot: Slot, card: ResultCard) => {
      const time = formatSlotTime(slot.start, slotContext.value.timeZone);
      // The SAS agenda is booked here, after a short confirmation (no page to open).
      if (slotKind(slot) === 'sas-agenda') {
        if (slotContext.value.booked.has(bookedKey(slot.practitionerId, slot.start)))
          setBookingFeedback(fr.agendaBooking.alreadyBooked);
        else openAgenda(slot, card);
        return;
      }
      // Said at once: the page opens in another window, the regulator must know the click was taken.
      if (slotKind(slot) === 'no-account') {
        // Its page would not know the regulator: nothing is opened, the number is called.
        setBookingFeedback(fr.slotKinds.noAccountFeedback(time));
        return;
      }
      if (slotKind(slot) === 'no-url' || slotKind(slot) === 'walk-in')
        setBookingFeedback(fr.slotKinds.callFeedback(time));
      void controls.book(tab.id, slot, card).then((opened) => {
        if (!opened) return;
        markOpened(slot.id);
        setBookingFeedback(fr.slotKinds.openedFeedback(time));
      });
    },
    [controls, tab.id, markOpened, openAgenda, slotContext.value.timeZone, slotContext.value.booked],
  );
  const zone = slotContext.value.timeZone;
  const foreignZone = stream.location && zone !== workstationTimeZone() ? zoneLabel(zone, now) : undefined;
  const firstKey = model.cards[0]?.key;
  const wantsFocus = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    wantsFocus.current ??= takeFirstResultFocus?.() ?? false;
    if (!wantsFocus.current || !firstKey) return;
    wantsFocus.current = false;
    dispatchView({ type: 'select', key: firstKey });
    // The list renders the card in this commit; focus it on the next frame.
    requestAnimationFrame(() => list.current?.reveal(firstKey, true));
  }, [firstKey, takeFirstResultFocus, dispatchView]);
  const failedIds = summary.failed.map((s) => s.id);
  const lineKey = summary.lines.map((l) => `${l.source.id}:${l.state}`).join('|');
  const sourceStates = useMemo<SourceStates>(
    () => ({
      lines: new Map(summary.lines.map((l) => [l.source.id, l])),
      retry: (sourceId) => controls.retry(tab.id, [sourceId]),
    }),
    // Rebuilt only when a source's state changes, not every second of the clock.
    [lineKey, controls, tab.id],
  );
  const retry = () => controls.retry(tab.id, failedIds);

  const actions = useMemo<CardActions>(
    () => ({
      onSelect: (key) => dispatchView({ type: 'select', key }),
      onHover: setHoveredKey,
      onBook: book,
      onContact: (card, phone) => controls.recordContact(tab.id, card, phone),
      onShowMembers: (finess) => dispatchView({ type: 'focus-cpts', finess }),
    }),
    [controls, dispatchView, tab.id, book],
  );

  commands.current = (command) =>
    runTabCommand(command, {
      cards: model.cards,
      view,
      failedSourceIds: failedIds,
      dispatchView,
      select,
      book,
      retry: (ids) => controls.retry(tab.id, ids),
      focusFilters: () => focusFilters.current?.(),
      focusedSlot: () => document.activeElement?.closest<HTMLButtonElement>('button.slot') ?? undefined,
    });
  useEffect(
    () => () => {
      commands.current = undefined;
    },
    [commands],
  );

  // Text nobody recognised: the tab shows where it looks and waits for a specialty picked among the suggestions.
  const pick = useMemo(() => specialtyToPick(tab.query), [tab.query]);
  const errors = pick ? stream.errors.filter((e) => e.code !== 'unknown-specialty') : stream.errors;
  // A search that failed before any offer (location not found, backend down): the error is all there is to show.
  const failedEarly = pick !== undefined || ((tab.startError !== undefined || errors.length > 0) && !stream.offer);

  return (
    <div className="tab-body">
      <div className="tab-head">
        {tab.startError && (
          <ErrorNotice title={fr.results.startFailed} error={tab.startError} onRetry={() => controls.rerun(tab.id)} />
        )}
        {tab.notice && <ErrorNotice error={tab.notice} onDismiss={() => controls.dismissNotice(tab.id)} />}
        {pick && <SpecialtyPicker pick={pick} onChoose={(option) => controls.chooseSpecialty(tab.id, option)} />}
        {errors.map((error, i) => (
          <ErrorNotice
            key={`${error.code}-${i}`}
            error={error}
            {...(failedEarly && !pick ? { onRetry: () => controls.rerun(tab.id) } : {})}
          />
        ))}
        <LaunchWarnings warnings={tab.warnings} />
        {stream.location && <LocationLine location={stream.location} />}
        {!stream.location && (!failedEarly || (pick && stream.phase !== 'done')) && (
          <p className="location-line">{fr.results.locating}</p>
        )}
        {stream.location && <LocationNotices location={stream.location} />}
        {foreignZone && (
          <p className="notice notice-info notice-line" data-testid="zone-notice">
            {fr.slotKinds.patientZone(foreignZone)}
          </p>
        )}
        <GpNotice gp={stream.gp} fromLrm={tab.origin.kind === 'launch'} />
        <OfferPageNotice offer={stream.offer} paging={paging} />
        {summary.total > 0 && (
          <StatusStrip
            summary={summary}
            done={stream.phase === 'done'}
            {...(stream.durationMs !== undefined ? { durationMs: stream.durationMs } : {})}
            retrying={stream.retrying.length > 0}
            onRetry={retry}
          />
        )}
        {!failedEarly && (
          <>
            <div className="results-toolbar">
              <IntentionSwitch
                intention={view.intention}
                counts={counts}
                onChange={(intention) => dispatchView({ type: 'set-intention', intention })}
              />
              <span className="results-order">
                {results.ordering === 'distance' ? fr.results.orderDistance : fr.results.orderSeeded}
              </span>
              <SlotLegend />
            </div>
            <FilterBar
              filters={view.filters}
              facets={results.facets}
              onChange={dispatchView}
              register={(focus) => {
                focusFilters.current = focus;
              }}
            />
          </>
        )}
        {model.focusedCpts && (
          <div className="cpts-focus">
            <h3>{fr.results.cptsFocus(model.focusedCpts.cpts.name)}</h3>
            <button type="button" className="btn" onClick={() => dispatchView({ type: 'leave-cpts' })}>
              {fr.results.cptsBack}
            </button>
            <CptsOtherMembers members={model.focusedCpts.otherMembers} />
          </div>
        )}
      </div>
      <p className="visually-hidden" role="status" data-testid="booking-feedback">
        {bookingFeedback}
      </p>
      {bookingFeedback && (
        <p className="booking-feedback" aria-hidden="true">
          {bookingFeedback}
        </p>
      )}
      {agenda.dialog && (
        <AgendaConfirmDialog
          key={agenda.dialog.slot.id}
          state={agenda.dialog}
          foreignZone={foreignZone}
          onConfirm={agenda.confirm}
          onClose={agenda.close}
        />
      )}
      {!failedEarly && (
        <SourceStatesContext.Provider value={sourceStates}>
          <SlotContext.Provider value={slotContext.value}>
            <ResultsArea
              model={model}
              view={view}
              minute={minute}
              {...(hoveredKey ? { hoveredKey } : {})}
              actions={actions}
              list={list}
              newResults={{ count: stable.newCount, place: stable.place }}
              done={stream.phase === 'done' || tab.startError !== undefined}
              filtersOn={activeFilterCount(view.filters) > 0}
              showMap={showMap}
              {...(mapStyleUrl ? { mapStyleUrl } : {})}
              {...(stream.location ? { patient: stream.location.point, radiusKm: stream.location.radiusKm } : {})}
              dispatchView={dispatchView}
              onMapSelect={(key) => select(key, 'scroll')}
              onNearEnd={paging.onNearEnd}
            />
          </SlotContext.Provider>
        </SourceStatesContext.Provider>
      )}
    </div>
  );
}
