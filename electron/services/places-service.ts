// Location autocomplete through the backend (communes offline; addresses when it has a street geocoder).
import type { LocationSuggestion } from '../../shared/api/console-api';
import { backendRoutes } from '../../shared/backend-api/routes';
import type { BackendApi } from './backend-api';
import type { PlacesPort } from './ports';

export function createPlacesService(api: BackendApi): PlacesPort {
  return {
    async suggest(text: string): Promise<LocationSuggestion[]> {
      const trimmed = text.trim();
      if (trimmed.length < 2) return [];
      const { suggestions } = await api.get(backendRoutes.places, { query: { q: trimmed } });
      return suggestions;
    },
  };
}
