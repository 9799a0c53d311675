// Hostile publishers. One publisher at a time misbehaves (hang, 500, 404, invalid JSON, wrong content
// type, a 50 MB body, a slow drip, a redirect to another host, an untrusted TLS certificate, entries referencing
// missing resources) during a real search on the training backend, in this process. For each: the search ends within
// the publisher budget plus a margin, every other source gives exactly what it gives in a clean run, the hostile
// source's status names the failure in French, and memory stays bounded. Prints the table: failure → status, time,
// memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublisherFault } from '@backend/training/publishers/faults';
import type { SearchEvent, SourceStatus } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import { startHostileStack, type HostileStack, type TimedSearch } from './hostile-stack';
import { garbageCollector, mib, settledMemory, withPeakMemory } from './memory';

/** The publisher budget of these runs (the platform's is 7 s; short here to keep the suite quick). */
const TIMEOUT_MS = 1_500;
/** Locating, the offer, the SAS agenda and the stream around the publishers' budget. */
const MARGIN_MS = 1_000;
const FAULTY = 'docorbite';
const UNTRUSTED_TLS = 'medicalendrier';
const FIFTY_MB = 50 * 1024 * 1024;
/** After a collection, a case may leave this much more memory in use than before it (bounded, not zero: caches). */
const SETTLED_GROWTH_LIMIT = 40 * 1024 * 1024;
/** Peak during a case, above its start (coarse: only "no unbounded buffering"). */
const PEAK_GROWTH_LIMIT = 160 * 1024 * 1024;

// Bordeaux (33063), an address: the urban training department, where both hostile publishers have practitioners.
const BORDEAUX = {
  location: { inseeCode: '33063', city: 'Bordeaux', streetName: 'cours de l’Intendance', streetNumber: '10' },
};

interface HostileCase {
  failure: string;
  /** Which publisher misbehaves. */
  victim: typeof FAULTY | typeof UNTRUSTED_TLS;
  fault?: (stack: HostileStack) => PublisherFault;
  brokenReferences?: boolean;
  state: SourceStatus['state'];
  reason: RegExp;
}

const CASES: HostileCase[] = [
  {
    failure: 'ne répond jamais',
    victim: FAULTY,
    fault: () => ({ kind: 'hang' }),
    state: 'timeout',
    reason: /^délai dépassé$/u,
  },
  {
    failure: 'erreur 500',
    victim: FAULTY,
    fault: () => ({ kind: 'status', status: 500 }),
    state: 'error',
    reason: /^erreur 500 de l’éditeur$/u,
  },
  {
    failure: 'erreur 404',
    victim: FAULTY,
    fault: () => ({ kind: 'status', status: 404 }),
    state: 'error',
    reason: /^erreur 404 de l’éditeur$/u,
  },
  {
    failure: 'JSON invalide',
    victim: FAULTY,
    fault: () => ({ kind: 'malformed-json' }),
    state: 'error',
    reason: /^réponse illisible \(JSON invalide\)$/u,
  },
  {
    failure: 'mauvais type de contenu',
    victim: FAULTY,
    fault: () => ({ kind: 'wrong-content-type' }),
    state: 'error',
    reason: /^réponse d’un type inattendu$/u,
  },
  {
    failure: 'corps de 50 Mo',
    victim: FAULTY,
    fault: () => ({ kind: 'huge-body', bytes: FIFTY_MB }),
    state: 'error',
    reason: /^réponse trop volumineuse$/u,
  },
  {
    failure: 'goutte à goutte (1 octet / 100 ms)',
    victim: FAULTY,
    fault: () => ({ kind: 'slow-drip', intervalMs: 100 }),
    state: 'timeout',
    reason: /^délai dépassé$/u,
  },
  {
    failure: 'redirection vers un autre hôte',
    victim: FAULTY,
    fault: (stack) => ({ kind: 'redirect', location: `${stack.decoy.origin}/fhir/Slot?status=free` }),
    state: 'error',
    reason: /^redirection refusée$/u,
  },
  {
    failure: 'certificat TLS non reconnu',
    victim: UNTRUSTED_TLS,
    state: 'error',
    reason: /^échec de la connexion sécurisée \(TLS\)$/u,
  },
  {
    failure: 'références vers des ressources absentes',
    victim: FAULTY,
    brokenReferences: true,
    state: 'answered',
    reason: /^\d+ entrée\(s\) ignorée\(s\) car invalides$/u,
  },
];

interface Row {
  failure: string;
  status: string;
  sourceMs: number;
  searchMs: number;
  settledGrowth: number;
  peakGrowth: number;
}

let stack: HostileStack;
let clean: TimedSearch;
/** Every source of the data set but the untrusted-TLS publisher: what the clean run and most cases ask. */
let trustedSources: string[];
const rows: Row[] = [];

const statusesOf = (search: TimedSearch): Map<string, SourceStatus> =>
  new Map(search.events.flatMap((e) => (e.type === 'source-status' ? [[e.status.source.id, e.status] as const] : [])));

function slotIdsBySource(search: TimedSearch): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const event of search.events) {
    if (event.type !== 'slots') continue;
    out.set(event.sourceId, [...(out.get(event.sourceId) ?? []), ...event.slots.map((s: Slot) => s.id)]);
  }
  for (const ids of out.values()) ids.sort();
  return out;
}

const last = (search: TimedSearch): SearchEvent | undefined => search.events.at(-1);

beforeAll(async () => {
  stack = await startHostileStack({
    brokenReferencesPublisher: FAULTY,
    tlsPublisher: UNTRUSTED_TLS,
    publisherTimeoutMs: TIMEOUT_MS,
  });
  trustedSources = [
    ...stack.env.dataset.careOffer.publishers.map((p) => p.id).filter((id) => id !== UNTRUSTED_TLS),
    'sas-agenda',
  ];
  // Warm-up, then the clean run every case is compared with.
  await stack.search(BORDEAUX, trustedSources);
  clean = await stack.search(BORDEAUX, trustedSources);
  garbageCollector();
}, 90_000);

afterAll(async () => {
  if (rows.length > 0) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const table = [
      `Éditeurs hostiles — budget éditeur ${TIMEOUT_MS} ms, marge ${MARGIN_MS} ms, GC forcé : ${garbageCollector() ? 'oui' : 'non'}`,
      line(['panne', 'statut de la source', 'source', 'recherche', 'mémoire après GC', 'pic pendant']),
      line(['---', '---', '---:', '---:', '---:', '---:']),
      ...rows.map((r) =>
        line([
          r.failure,
          r.status,
          `${Math.round(r.sourceMs)} ms`,
          `${Math.round(r.searchMs)} ms`,
          `${r.settledGrowth >= 0 ? '+' : ''}${mib(r.settledGrowth)}`,
          `+${mib(r.peakGrowth)}`,
        ]),
      ),
    ];
    console.log(table.join('\n'));
  }
  await stack?.close();
});

describe('a search with one hostile publisher', () => {
  it('has a clean run to compare with: both hostile publishers hold practitioners of this offer', async () => {
    const statuses = statusesOf(clean);
    expect(last(clean)?.type).toBe('done');
    expect(statuses.get(FAULTY)?.state).toBe('answered');
    expect(slotIdsBySource(clean).get(FAULTY)?.length).toBeGreaterThan(1);
    for (const status of statuses.values()) expect(status.state, status.source.id).toBe('answered');
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    const offer = clean.events.find((e) => e.type === 'offer');
    const agendas = offer?.type === 'offer' ? offer.offer.practitioners.map((p) => p.practitioner.agendaSource) : [];
    expect(agendas).toContain(UNTRUSTED_TLS);
  });

  it.each(CASES)('$failure: bounded, others intact, status named, memory bounded', async (testCase) => {
    if (testCase.fault) stack.env.publishers.get(testCase.victim)?.server.setFault(testCase.fault(stack));
    stack.missingReferences.on = testCase.brokenReferences === true;
    stack.missingReferences.brokenSlots.clear();
    const decoyBefore = stack.decoy.requests;
    const before = settledMemory();
    let run: TimedSearch;
    let peakUsed: number;
    try {
      const measured = await withPeakMemory(() =>
        stack.search(BORDEAUX, testCase.victim === UNTRUSTED_TLS ? undefined : trustedSources),
      );
      run = measured.result;
      peakUsed = measured.peak.used;
    } finally {
      stack.env.publishers.get(testCase.victim)?.server.setFault({ kind: 'none' });
      stack.missingReferences.on = false;
    }
    const after = settledMemory();
    const statuses = statusesOf(run);
    const status = statuses.get(testCase.victim);
    rows.push({
      failure: testCase.failure,
      status: status ? `${status.state} — ${status.reason ?? ''}` : '(aucun)',
      sourceMs: status?.durationMs ?? NaN,
      searchMs: run.durationMs,
      settledGrowth: after.used - before.used,
      peakGrowth: peakUsed - before.used,
    });

    // The search ends, within the budget.
    expect(last(run)?.type).toBe('done');
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    // The hostile source's status names the failure, in French.
    expect(status?.state).toBe(testCase.state);
    expect(status?.reason ?? '').toMatch(testCase.reason);
    // Every other source: same status and exactly the same slots as in the clean run.
    const got = slotIdsBySource(run);
    const expected = slotIdsBySource(clean);
    for (const [id, cleanStatus] of statusesOf(clean)) {
      if (id === testCase.victim) continue;
      expect(statuses.get(id)?.state, id).toBe(cleanStatus.state);
      expect(got.get(id) ?? [], id).toEqual(expected.get(id) ?? []);
    }
    // Memory: nothing of the hostile answer is kept, and it was never buffered whole.
    expect(after.used - before.used).toBeLessThan(SETTLED_GROWTH_LIMIT);
    expect(peakUsed - before.used).toBeLessThan(PEAK_GROWTH_LIMIT);

    if (testCase.fault?.(stack).kind === 'redirect') expect(stack.decoy.requests).toBe(decoyBefore);
    if (testCase.victim === UNTRUSTED_TLS) {
      expect(stack.tls.handshakeErrors).toBeGreaterThan(0);
      expect(stack.tls.requests).toBe(0);
    }
    if (testCase.brokenReferences) {
      // The slots with a sound schedule still arrive; the broken ones are counted, not shown.
      const broken = stack.missingReferences.brokenSlots;
      expect(broken.size).toBeGreaterThan(0);
      expect(got.get(FAULTY)).toEqual((expected.get(FAULTY) ?? []).filter((id) => !broken.has(id)));
      expect(status?.ignoredEntries ?? 0).toBeGreaterThanOrEqual(broken.size);
    } else if (testCase.victim === FAULTY) {
      expect(got.get(FAULTY) ?? []).toEqual([]);
      // And the publisher is asked again as soon as it behaves: a retry of that source gives its clean answer.
      const retry = await stack.search(BORDEAUX, [FAULTY]);
      expect(statusesOf(retry).get(FAULTY)?.state).toBe('answered');
      expect(slotIdsBySource(retry).get(FAULTY)).toEqual(expected.get(FAULTY));
    }
  });
});
