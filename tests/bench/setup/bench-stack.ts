// The servers P1/P2, P3 and P6 measure: twenty simulated publishers (one child process), the SAS backend on the
// same data (another child process), and a console session logged in through the training PSC. The bench process
// itself is only the client that measures.
import { fileURLToPath } from 'node:url';
import type { Publisher } from '@backend/directory/publishers';
import type { PublisherFault } from '@backend/training/publishers/faults';
import { loadTrainingDataset, type LoadedTrainingDataset } from '@backend/training/dataset/files';
import type { SearchRequestBody } from '@backend/api/search-route';
import { timedSearch, type TimedSearch, type TimedSearchOptions } from '../search/stream-client';
import type { BackendInfo, BackendStart } from './backend-process';
import { faultyPublishers, latencyPlan, splitPublishers, type PublisherPlan } from './bench-dataset';
import { loginConsole } from './console-login';
import { ChildService } from './ipc';
import type { PublishersInfo, PublishersStart, PublisherTraffic } from './publishers-process';

export interface BenchStackOptions {
  /** The publishers' time budget in the backend (its `publisherTimeoutMs`). */
  budgetMs: number;
}

export interface BenchStack {
  readonly backendUrl: string;
  /** The publishers' time budget of the running backend. */
  readonly budgetMs: number;
  dataset: LoadedTrainingDataset;
  publishers: readonly Publisher[];
  plan: readonly PublisherPlan[];
  endpoints: PublishersInfo['endpoints'];
  faulty: { hanging: string; failing: string };
  search(body: SearchRequestBody, options?: TimedSearchOptions): Promise<TimedSearch>;
  /** Sets the misbehaviour of some publishers (`{ kind: 'none' }` to heal them). */
  setFaults(faults: Record<string, PublisherFault>): Promise<void>;
  /** Requests the publishers received since the last call, and their peak concurrency. */
  takeTraffic(): Promise<PublisherTraffic>;
  /** CPU time (ms) used so far by the backend's and the publishers' processes. */
  cpuTime(): Promise<{ backend: number; publishers: number }>;
  /** Replaces the backend by a fresh one (circuit breaker closed, connections new) with this budget, and logs in again. */
  restartBackend(budgetMs: number): Promise<void>;
  close(): Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const dataset = splitPublishers(await loadTrainingDataset());
  const publishers = dataset.careOffer.publishers;
  const plan = latencyPlan(publishers);
  const faulty = faultyPublishers(publishers);
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const publishersChild = await ChildService.start<PublishersInfo>(here('./publishers-process.ts'), {
      plan,
    } satisfies PublishersStart);
    closers.push(() => publishersChild.close());
    const { endpoints } = publishersChild.info;
    const startBackend = async (budgetMs: number) => {
      const child = await ChildService.start<BackendInfo>(here('./backend-process.ts'), {
        endpoints,
        publisherTimeoutMs: budgetMs,
      } satisfies BackendStart);
      try {
        return { child, session: await loginConsole(child.info.issuer), budgetMs };
      } catch (error) {
        await child.close();
        throw error;
      }
    };
    let backend = await startBackend(options.budgetMs);
    const stopBackend = async () => {
      await backend.session.close().catch(() => undefined);
      await backend.child.close();
    };
    closers.push(() => stopBackend());
    return {
      get backendUrl() {
        return backend.child.info.backendUrl;
      },
      get budgetMs() {
        return backend.budgetMs;
      },
      dataset,
      publishers,
      plan,
      endpoints,
      faulty,
      search: async (body, options) =>
        timedSearch(backend.child.info.backendUrl, await backend.session.accessToken(), body, options),
      setFaults: (faults) => publishersChild.call('setFaults', faults),
      takeTraffic: () => publishersChild.call<PublisherTraffic>('takeTraffic'),
      cpuTime: async () => {
        const [backendMs, publishersMs] = await Promise.all([
          backend.child.call<number>('cpuTime'),
          publishersChild.call<number>('cpuTime'),
        ]);
        return { backend: backendMs, publishers: publishersMs };
      },
      restartBackend: async (budgetMs) => {
        await stopBackend();
        backend = await startBackend(budgetMs);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
