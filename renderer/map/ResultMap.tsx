// The results map (maplibre-gl), loaded lazily: a marker per card, clusters above a few hundred, the patient's
// point and the search radius. Hover and selection are shared with the list both ways, through the parent.
import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl } from 'maplibre-gl';
import { useMemo, useRef } from 'react';
import type { GeoPoint } from '../../shared/domain/care-offer';
import { fr } from '../i18n/fr';
import type { ResultCard } from '../search/list-rows';
import { isGeoPoint } from './geometry';
import type { MapStyleSource } from './map-style';
import { cardFeatures } from './markers';
import { useMapInstance } from './use-map-instance';
import { usePatientArea, useResultMarkers } from './use-map-layers';
import { useMapSelection } from './use-map-selection';

let workerInstalled = false;

/**
 * maplibre looks for its worker next to its own module, which the bundler moved. The worker's code is loaded as
 * text (its own lazy chunk, see MapPanel) and started from a blob: URL (allowed by worker-src blob:), so the
 * servers of the renderer (web harness, Electron's app protocol) need no special file types.
 */
export function installWorker(source: string): void {
  if (workerInstalled) return;
  workerInstalled = true;
  setWorkerUrl(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

/** Above this many markers, nearby ones are grouped (a thousand dots hide each other and slow the map). */
const CLUSTER_THRESHOLD = 300;

export interface ResultMapProps extends MapStyleSource {
  cards: readonly ResultCard[];
  patient?: GeoPoint;
  radiusKm?: number;
  selectedKey?: string;
  hoveredKey?: string;
  onSelect: (key: string) => void;
  onHover: (key: string | undefined) => void;
}

export default function ResultMap(props: ResultMapProps) {
  const { cards, patient, radiusKm, selectedKey, hoveredKey, styleUrl } = props;
  const handlers = useRef(props);
  handlers.current = props;
  const { container, mapRef, ready, failed } = useMapInstance(styleUrl, handlers);
  const { collection, unplaced } = useMemo(() => cardFeatures(cards), [cards]);
  const clustered = collection.features.length > CLUSTER_THRESHOLD;
  useResultMarkers(mapRef, container, ready, collection, clustered);
  usePatientArea(mapRef, ready, patient, radiusKm);
  useMapSelection(mapRef, ready, collection, selectedKey, hoveredKey);

  return (
    <div className="result-map-frame">
      <div ref={container} className="result-map" role="region" aria-label={fr.map.label} data-testid="result-map" />
      {!ready && !failed && <p className="map-overlay">{fr.map.loading}</p>}
      {failed && (
        <p className="map-overlay map-overlay-error" role="status">
          {fr.map.failed}
        </p>
      )}
      <ul className="map-legend" aria-label={fr.map.legend}>
        {isGeoPoint(patient) && <li className="legend legend-patient">{fr.map.patient}</li>}
        <li className="legend legend-gp">{fr.map.legendGp}</li>
        <li className="legend legend-ps">{fr.map.legendSlots}</li>
        <li className="legend legend-none">{fr.map.legendNoSlot}</li>
        <li className="legend legend-cpts">{fr.map.legendCpts}</li>
        <li className="legend legend-sos">{fr.map.legendSos}</li>
        {unplaced > 0 && <li>{fr.map.noPoint(unplaced)}</li>}
      </ul>
    </div>
  );
}
