// Child process: the bench's twenty simulated publishers (training publisher servers answering the IG's slot
// searches from the split data set), each with a fixed answer time. The bench sets their faults, and reads back
// which requests they received (to replay them as the physical limit) and how many they served at once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDirectory } from '@backend/directory/directory';
import { loadTrainingDataset } from '@backend/training/dataset/files';
import type { PublisherFault } from '@backend/training/publishers/faults';
import { startSimulatedPublisher, type SimulatedPublisher } from '@backend/training/publishers/publisher-server';
import {
  answerSlotQuery,
  createTrainingCatalogue,
  type TrainingCatalogue,
} from '@backend/training/publishers/training-answer';
import { splitPublishers, type PublisherPlan } from './bench-dataset';
import { serveCalls, startArgs } from './ipc';

export interface PublishersStart {
  plan: PublisherPlan[];
}

export interface PublishersInfo {
  /** Publisher id → its FHIR base URL and booking origin on loopback. */
  endpoints: Record<string, { fhirBaseUrl: string; bookingOrigin: string }>;
}

export interface PublisherTraffic {
  /** Slot/Schedule search URLs received since the last call, per publisher. */
  urls: Record<string, string[]>;
  /** Most requests in progress at once since the last call, per publisher. */
  maxInFlight: Record<string, number>;
}

const { plan } = startArgs<PublishersStart>();
const dataset = splitPublishers(await loadTrainingDataset());
const directory = createDirectory(dataset.careOffer);
const servers = new Map<string, SimulatedPublisher>();
const traffic = new Map<string, { urls: string[]; inFlight: number; maxInFlight: number }>();

for (const entry of dataset.careOffer.publishers) {
  const latencyMs = plan.find((p) => p.id === entry.id)?.latencyMs ?? 100;
  const seen = { urls: [] as string[], inFlight: 0, maxInFlight: 0 };
  traffic.set(entry.id, seen);
  const late: { catalogue?: TrainingCatalogue } = {};
  const server: SimulatedPublisher = await startSimulatedPublisher({
    id: entry.id,
    name: entry.name,
    latency: { minMs: latencyMs, maxMs: latencyMs },
    answer: (query) => {
      if (!late.catalogue) throw new Error('publisher not ready');
      return answerSlotQuery(
        query,
        late.catalogue,
        directory,
        server.fhirBaseUrl,
        `${server.fhirBaseUrl}/${query.resource}`,
      );
    },
    // Not a route: only counts the searches as they arrive and leave, then lets the publisher answer.
    handle: async (_request: IncomingMessage, response: ServerResponse, url: URL) => {
      if (/^\/fhir\/(Slot|Schedule)\/?$/u.test(url.pathname)) {
        seen.urls.push(url.toString());
        seen.inFlight += 1;
        seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
        response.once('close', () => {
          seen.inFlight -= 1;
        });
      }
      return false;
    },
  });
  late.catalogue = createTrainingCatalogue({
    publisherId: entry.id,
    bookingOrigin: server.origin,
    directory,
    patterns: dataset.patterns,
    now: () => new Date(),
  });
  servers.set(entry.id, server);
}

const info: PublishersInfo = {
  endpoints: Object.fromEntries(
    [...servers].map(([id, s]) => [id, { fhirBaseUrl: s.fhirBaseUrl, bookingOrigin: s.origin }]),
  ),
};

serveCalls(
  info,
  {
    setFaults: async (args) => {
      for (const [id, fault] of Object.entries(args as Record<string, PublisherFault>))
        servers.get(id)?.setFault(fault);
    },
    takeTraffic: async (): Promise<PublisherTraffic> => {
      const taken: PublisherTraffic = { urls: {}, maxInFlight: {} };
      for (const [id, seen] of traffic) {
        taken.urls[id] = seen.urls;
        taken.maxInFlight[id] = seen.maxInFlight;
        seen.urls = [];
        seen.maxInFlight = seen.inFlight;
      }
      return taken;
    },
  },
  async () => {
    await Promise.all([...servers.values()].map((s) => s.close()));
  },
);
