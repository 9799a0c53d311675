// The list and the map side by side, sharing hover and selection.
import type { GeoPoint } from '../../shared/domain/care-offer';
import { fr } from '../i18n/fr';
import { MapPanel } from '../map/MapPanel';
import type { CardActions } from './cards/ResultCardView';
import { EmptyList } from './EmptyList';
import type { ListModel } from './list-rows';
import { ResultList, type ListController } from './ResultList';
import type { TabView, TabViewAction } from './tab-view';

interface ResultsAreaProps {
  model: ListModel;
  view: TabView;
  minute: number;
  hoveredKey?: string;
  actions: CardActions;
  list: { current: ListController | undefined };
  /** Cards that arrived while the list was held, placed below; « Classer la liste » re-ranks. */
  newResults?: { count: number; place: () => void };
  done: boolean;
  filtersOn: boolean;
  showMap: boolean;
  mapStyleUrl?: string;
  patient?: GeoPoint;
  radiusKm?: number;
  dispatchView: (action: TabViewAction) => void;
  onMapSelect: (key: string) => void;
  /** The list's end is near: the next practitioners may be asked for. */
  onNearEnd?: (near: boolean) => void;
}

export function ResultsArea(props: ResultsAreaProps) {
  const {
    model,
    view,
    minute,
    hoveredKey,
    actions,
    list,
    newResults,
    done,
    filtersOn,
    showMap,
    mapStyleUrl,
    patient,
    radiusKm,
    dispatchView,
    onMapSelect,
    onNearEnd,
  } = props;
  const intentionLabel = view.intention === 'first' ? fr.results.firstIntention : fr.results.secondIntention;
  return (
    <div className={showMap ? 'results-area' : 'results-area results-area-nomap'}>
      <div className="results-list" data-intention={view.intention}>
        <p className="results-count" aria-live="polite" data-testid="results-count">
          {fr.results.count(model.cards.length)}
        </p>
        {/* Over the list, not in its flow: the announcement itself must not move the cards. */}
        <div className="new-results" role="status" data-testid="new-results">
          {newResults && newResults.count > 0 && (
            <>
              <span>{fr.liveList.newResults(newResults.count)}</span>
              <button type="button" className="btn" title={fr.liveList.placeHint} onClick={newResults.place}>
                {fr.liveList.place}
              </button>
            </>
          )}
        </div>
        {model.rows.length > 0 ? (
          <ResultList
            rows={model.rows}
            rowOfKey={model.rowOfKey}
            label={fr.results.listLabel(intentionLabel)}
            now={minute}
            {...(view.selectedKey ? { selectedKey: view.selectedKey } : {})}
            {...(hoveredKey ? { hoveredKey } : {})}
            {...(view.cptsFocus ? { cptsFocus: view.cptsFocus } : {})}
            actions={actions}
            controller={list}
            {...(onNearEnd ? { onNearEnd } : {})}
          />
        ) : (
          <EmptyList
            intention={view.intention}
            focusedCpts={model.focusedCpts !== undefined}
            done={done}
            filtersOn={filtersOn}
            onSecond={() => dispatchView({ type: 'set-intention', intention: 'second' })}
            onClear={() => dispatchView({ type: 'clear-filters' })}
          />
        )}
      </div>
      {showMap && (
        <div className="results-map">
          <MapPanel
            cards={model.cards}
            {...(patient ? { patient } : {})}
            {...(radiusKm !== undefined ? { radiusKm } : {})}
            {...(view.selectedKey ? { selectedKey: view.selectedKey } : {})}
            {...(hoveredKey ? { hoveredKey } : {})}
            {...(mapStyleUrl ? { styleUrl: mapStyleUrl } : {})}
            onSelect={onMapSelect}
            onHover={actions.onHover}
          />
        </div>
      )}
    </div>
  );
}
