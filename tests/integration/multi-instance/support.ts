// Two (or more) training backends on one PostgreSQL behind the round-robin proxy, and the console's own services
// pointed at the proxy: what a national deployment looks like, on loopback.
import type { ApiCredential } from '@services/session/dpop-key';
import { randomBytes } from 'node:crypto';
import {
  startTrainingEnvironment,
  type TrainingEnvironment,
  type TrainingEnvironmentOptions,
} from '@backend/training/environment';
import { createBackendApi, type BackendApi } from '@services/backend-api';
import { createBackendSearch } from '@services/search-service';
import type { SearchEvent, SearchQuery } from '@shared/domain/search';
import type { SearchStreamEvent } from '@shared/api/console-api';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

export function testPostgresUrl(): string {
  const url = process.env.SAS_TEST_PG_URL;
  if (!url)
    throw new Error('SAS_TEST_PG_URL absent : PostgreSQL de test non démarré (voir scripts/start-test-postgres.sh).');
  return url;
}

/** A schema of its own per test file: the files run in parallel on one server. */
export const freshSchema = (prefix: string): string => `${prefix}_${randomBytes(4).toString('hex')}`;

export interface Cluster {
  proxy: RoundRobinProxy;
  env: TrainingEnvironment;
  close(): Promise<void>;
}

export async function startCluster(
  options: Omit<TrainingEnvironmentOptions, 'instances' | 'storage'> & { count?: number; pgUrl?: string } = {},
): Promise<Cluster> {
  const { count = 2, pgUrl, ...rest } = options;
  const proxy = await startRoundRobinProxy();
  try {
    const env = await startTrainingEnvironment({
      ...rest,
      storage: { driver: 'postgres', url: pgUrl ?? testPostgresUrl(), schema: freshSchema('cluster') },
      instances: { count, frontOrigin: proxy.origin },
    });
    proxy.setTargets(env.instances.map((instance) => instance.backend.url));
    return {
      proxy,
      env,
      async close() {
        await env.close();
        await proxy.close();
      },
    };
  } catch (error) {
    await proxy.close();
    throw error;
  }
}

export function consoleApi(origin: string, accessToken: () => Promise<ApiCredential>): BackendApi {
  return createBackendApi({ backendUrl: () => origin, accessToken, fetch });
}

/** Runs one search with the console's search service; resolves with its events once `done` came. */
export async function consoleSearch(
  origin: string,
  accessToken: () => Promise<ApiCredential>,
  query: SearchQuery,
  onEvent: (event: SearchEvent) => void = () => {},
): Promise<SearchEvent[]> {
  const search = createBackendSearch({ backendUrl: () => origin, accessToken, fetch, newId: () => 'recherche-1' });
  const events: SearchEvent[] = [];
  await new Promise<void>((resolve) => {
    void search.start(query, ({ event }: SearchStreamEvent) => {
      events.push(event);
      onEvent(event);
      if (event.type === 'done') resolve();
    });
  });
  return events;
}

/** Bordeaux (33063), an address: the urban training department. */
export const BORDEAUX: SearchQuery = {
  location: { inseeCode: '33063', city: 'Bordeaux', streetName: 'cours de l’Intendance', streetNumber: '10' },
} as SearchQuery;
