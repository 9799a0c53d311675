// The map's place in a tab: loads the map code only when a map is shown (it is the heaviest part of the UI),
// and keeps the list usable if WebGL or the map code fails.
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { fr } from '../i18n/fr';
import type { ResultMapProps } from './ResultMap';

const ResultMap = lazy(async () => {
  const [worker, map] = await Promise.all([
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?raw'),
    import('./ResultMap'),
  ]);
  map.installWorker(worker.default);
  return map;
});

class MapErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed)
      return (
        <p className="map-overlay map-overlay-error" role="status">
          {fr.map.failed}
        </p>
      );
    return this.props.children;
  }
}

export function MapPanel(props: ResultMapProps) {
  return (
    <MapErrorBoundary>
      <Suspense fallback={<p className="map-overlay">{fr.map.loading}</p>}>
        <ResultMap {...props} />
      </Suspense>
    </MapErrorBoundary>
  );
}
