// P3: time to 5 cards with slots, our streaming search (through `/api/search`) against the national platform's
// batch-by-batch algorithm (platform-baseline.ts) over the same publishers, data and time budget. Both run in
// every run, one after the other, alternating which goes first.
import { createDirectory } from '@backend/directory/directory';
import { bindPublisherEndpoints, SAS_AGENDA_ID } from '@backend/directory/publishers';
import { createGeocoder } from '@backend/geo/geocoder';
import { loadGeoData } from '@backend/geo/index';
import { directoryOffer, geoLocations, publisherRegistry } from '@backend/search/adapters';
import { PublisherClient } from '@backend/search/publisher-client';
import { slotsForWindow, type SlotPattern } from '@backend/training/dataset/slot-patterns';
import { computeSearchWindow } from '@shared/fhir/build-search';
import type { RowSpec, RunMeasure } from '../lib/rows';
import type { BenchStack } from '../setup/bench-stack';
import { benchQuery, resetBreaker, withFaults, withoutFaults } from './bench-search';
import { platformBaselineSearch, type BaselineDeps, type BaselineOutcome } from './platform-baseline';
import { searchMoments, type SearchMoments } from './stream-client';

export const P3_FAULTY: RowSpec = {
  id: 'P3',
  title: 'time to 5 cards with slots vs national algorithm (2 faulty publishers)',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ 0.5 × baseline',
};
export const P3_FAULTY_PUBLISHERS: RowSpec = {
  id: 'P3p',
  title: 'same, counting publisher slots only (SAS agenda left out)',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ 0.5 × baseline',
};
export const P3_HEALTHY: RowSpec = {
  id: 'P3h',
  title: 'time to 5 cards with slots vs national algorithm (all publishers healthy)',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ 0.5 × baseline',
};
export const P3_HEALTHY_PUBLISHERS: RowSpec = {
  id: 'P3hp',
  title: 'same, counting publisher slots only (SAS agenda left out)',
  unit: 'ms',
  direction: 'at-most',
  targetRule: '≤ 0.5 × baseline',
};

export interface Baseline {
  deps: BaselineDeps;
  close(): Promise<void>;
}

export async function createBaseline(stack: BenchStack): Promise<Baseline> {
  const geo = await loadGeoData();
  const publishers = bindPublisherEndpoints(stack.publishers, stack.endpoints);
  const directory = createDirectory({ ...stack.dataset.careOffer, publishers });
  const client = new PublisherClient({ timeoutMs: stack.budgetMs, maxBodyBytes: 20 * 1024 * 1024 });
  const agendaPatterns = new Map<string, SlotPattern[]>();
  for (const pattern of stack.dataset.patterns) {
    if (pattern.sourceId !== SAS_AGENDA_ID || pattern.owner.kind !== 'practitioner') continue;
    const id = pattern.owner.nationalId;
    agendaPatterns.set(id, [...(agendaPatterns.get(id) ?? []), pattern]);
  }
  return {
    deps: {
      locations: geoLocations(createGeocoder({ communes: geo.communes, radii: geo.radii }), geo.radii, directory),
      directory: directoryOffer(directory),
      publishers: publisherRegistry(publishers),
      client,
      // The SAS agenda from the same slot patterns the backend's storage was filled from.
      agendaHolders: async (ids, window) =>
        new Set(
          ids.filter((id) =>
            (agendaPatterns.get(id) ?? []).some(
              (p) => slotsForWindow(p, new Date(window.startMs), new Date(window.endMs)).length > 0,
            ),
          ),
        ),
      window: (now) => computeSearchWindow(now),
    },
    close: () => client.close(),
  };
}

export interface BaselineOptions {
  runs: number;
  warmups: number;
  faulty: boolean;
}

export interface BaselineRows {
  /** 5 cards with slots from any source (the platform's definition). */
  all: RunMeasure[];
  /** 5 cards with publisher slots: the SAS agenda is local storage and answers at once for both strategies. */
  publishers: RunMeasure[];
  notes: string[];
}

export async function benchAgainstBaseline(
  stack: BenchStack,
  baseline: Baseline,
  options: BaselineOptions,
): Promise<BaselineRows> {
  const rows: BaselineRows = { all: [], publishers: [], notes: [] };
  const batches: number[] = [];
  await (options.faulty ? withFaults(stack) : withoutFaults(stack));
  for (let i = 0; i < options.warmups + options.runs; i += 1) {
    const ours = async () => {
      const moments = searchMoments(await stack.search(benchQuery));
      if (options.faulty) await resetBreaker(stack);
      if (moments.errors.length > 0) throw new Error(`search failed: ${moments.errors.join('; ')}`);
      return moments;
    };
    const theirs = () => platformBaselineSearch(baseline.deps, benchQuery.query);
    let moments: SearchMoments;
    let platform: BaselineOutcome;
    if (i % 2 === 0) {
      moments = await ours();
      platform = await theirs();
    } else {
      platform = await theirs();
      moments = await ours();
    }
    if (i < options.warmups) continue;
    batches.push(platform.batches);
    const pair = (oursMs: number | undefined, theirsMs: number | undefined): RunMeasure => ({
      figure: oursMs ?? Number.NaN,
      target: 0.5 * (theirsMs ?? Number.NaN),
      extra: {
        'baseline ms': theirsMs ?? Number.NaN,
        'ours / baseline': (oursMs ?? Number.NaN) / (theirsMs ?? Number.NaN),
      },
    });
    rows.all.push(pair(moments.fiveCardsMs, platform.fiveCardsMs));
    rows.publishers.push(pair(moments.fivePublisherCardsMs, platform.fivePublisherCardsMs));
  }
  rows.notes.push(
    `baseline: batches of 25 practitioners by distance, each waiting for all its publishers (budget ${stack.budgetMs} ms) and the SAS agenda; ` +
      `batches it needed per run: ${batches.join(', ')}. The ratio "ours / baseline" is the issue's ratio (target ≤ 0.5).`,
  );
  return rows;
}
