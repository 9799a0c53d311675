// Slot aggregation: every source asked at once (bounded), each answer streamed as soon as it is mapped, so the
// first cards appear before the slowest publisher answers (docs/design.md §6 "Search").
import type { Slot } from '../../shared/domain/slot';
import type { SearchWindow } from '../../shared/fhir/build-search';
import type { SearchEvent, SourceInfo, SourceStatus } from '../../shared/domain/search';
import type { CircuitBreaker } from './circuit-breaker';
import { chunk, createLimiter } from './limit';
import { FAILURE_REASONS, type PublisherResponse } from './publisher-client';

/** The IG's limit: 1 to 25 practitioner ids per request. */
const MAX_IDS_PER_REQUEST = 25;

export interface PublisherSource {
  kind: 'publisher';
  info: SourceInfo;
  /** What the publisher serves: individual PS (optionally with CPTS slots) or SOS Médecins sites. */
  flavour: 'ps' | 'sos';
  baseUrl: string;
  /** Ask for CPTS includes (HealthcareService, Organization). */
  cpts: boolean;
  /** False: the publisher takes no regulator accounts, its slots are marked so (call the number shown). */
  regulatorAccounts: boolean;
  /**
   * For each practitioner asked who participates in the SAS via a CPTS, that CPTS's FINESS: a CPTS-typed slot shows
   * on a practitioner's card only when it is offered through the CPTS they participate via.
   */
  cptsByPractitioner?: ReadonlyMap<string, string>;
  /** Practitioner IDNPS (flavour ps) or SOS associations' IDNST (flavour sos; a site's id when its association is unknown). */
  ids: string[];
}

interface AgendaSource {
  kind: 'sas-agenda';
  info: SourceInfo;
  /** Practitioner IDNPS. */
  ids: string[];
  /** Structures whose own SAS-agenda slots are asked too: CPTS of the offer, SOS sites on the SAS agenda. */
  structures?: AgendaStructures;
}

export interface AgendaStructures {
  cptsFinesses: string[];
  sosSiteIds: string[];
}

export type SlotSource = PublisherSource | AgendaSource;

/**
 * A SOS answer is keyed on associations: a slot is kept when its site is managed by an association asked
 * (Location.managingOrganization → Organization.identifier) or is itself an id asked (directories that know only
 * the site). A slot naming a practitioner is not a SOS site slot.
 */
function isAskedSosSlot(slot: Slot, asked: ReadonlySet<string>): boolean {
  if (slot.practitionerId !== undefined || slot.sosSiteId === undefined) return false;
  return (slot.sosAssociationId !== undefined && asked.has(slot.sosAssociationId)) || asked.has(slot.sosSiteId);
}

function isAskedPractitionerSlot(slot: Slot, asked: ReadonlySet<string>): boolean {
  return slot.practitionerId !== undefined && asked.has(slot.practitionerId);
}

/**
 * Participation decides where a CPTS slot shows (types CPTS, or offered through a CPTS HealthcareService). For a
 * practitioner participating via one of the slot's CPTS: on their card, under that CPTS. For one participating
 * individually or not at all: not on their card; the slot stays a CPTS slot, on the card of the CPTS it names
 * (dropped when it names none).
 */
function placeCptsSlot(slot: Slot, cptsByPractitioner: ReadonlyMap<string, string> | undefined): Slot[] {
  const finesses = slot.cptsFinesses ?? (slot.cptsFiness !== undefined ? [slot.cptsFiness] : []);
  if (!slot.types.includes('CPTS') && finesses.length === 0) return [slot];
  const via = slot.practitionerId === undefined ? undefined : cptsByPractitioner?.get(slot.practitionerId);
  if (via !== undefined && (finesses.length === 0 || finesses.includes(via))) return [{ ...slot, cptsFiness: via }];
  if (finesses.length === 0) return [];
  const { practitionerId: _practitioner, place: _place, ...cptsSlot } = slot;
  return [cptsSlot];
}

export interface MappedAnswer {
  slots: Slot[];
  issueCount: number;
}

export interface AggregatorDeps {
  /** One publisher request, given at most `timeoutMs`. */
  get: (url: string, signal: AbortSignal, timeoutMs: number) => Promise<PublisherResponse>;
  buildUrl: (source: PublisherSource, ids: readonly string[], window: SearchWindow) => string;
  map: (body: unknown, source: PublisherSource) => MappedAnswer;
  agendaSlots: (ids: readonly string[], window: SearchWindow, structures?: AgendaStructures) => Promise<Slot[]>;
  breaker: CircuitBreaker;
  /** Requests in flight at once, all publishers together. */
  concurrency: number;
  /** The whole search's time budget (the platform gives publishers 7 s): no source is waited for beyond it. */
  budgetMs: number;
  now: () => number;
}

interface BatchOutcome {
  response: PublisherResponse;
  slotCount: number;
  issueCount: number;
}

export async function aggregateSlots(
  sources: readonly SlotSource[],
  window: SearchWindow,
  deps: AggregatorDeps,
  emit: (event: SearchEvent) => void,
  signal: AbortSignal,
  /** On the `deps.now()` clock: when every source still pending is reported late. */
  deadline: number = deps.now() + deps.budgetMs,
): Promise<void> {
  const limit = createLimiter(deps.concurrency);
  const seen = new Set<string>();
  // The same consultation may come from two sources (publisher and SAS agenda): show it once.
  const fresh = (slots: Slot[]) =>
    slots.filter((slot) => {
      const key = `${slot.practitionerId ?? slot.sosSiteId ?? slot.id}|${slot.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const status = (s: SourceStatus) => {
    if (!signal.aborted) emit({ type: 'source-status', status: s });
  };

  async function runAgenda(source: AgendaSource) {
    const started = deps.now();
    try {
      const slots = fresh(await deps.agendaSlots(source.ids, window, source.structures));
      if (signal.aborted) return;
      if (slots.length > 0) emit({ type: 'slots', sourceId: source.info.id, slots });
      status({
        source: source.info,
        state: 'answered',
        durationMs: Math.round(deps.now() - started),
        slotCount: slots.length,
      });
    } catch {
      status({
        source: source.info,
        state: 'error',
        reason: 'agenda SAS indisponible',
        durationMs: Math.round(deps.now() - started),
      });
    }
  }

  async function runPublisher(source: PublisherSource) {
    const started = deps.now();
    if (!deps.breaker.allows(source.info.id)) {
      status({
        source: source.info,
        state: 'skipped',
        reason: 'écarté temporairement après des échecs répétés',
        durationMs: 0,
      });
      return;
    }
    const batches = chunk(source.ids, MAX_IDS_PER_REQUEST);
    const outcomes = await Promise.all(
      batches.map((ids) =>
        limit(async (): Promise<BatchOutcome> => {
          // A batch that waited its turn gets only what is left of the search's budget.
          const remaining = Math.floor(deadline - deps.now());
          const response: PublisherResponse =
            remaining > 0
              ? await deps.get(deps.buildUrl(source, ids, window), signal, remaining)
              : { ok: false, kind: 'timeout', reason: FAILURE_REASONS.timeout, durationMs: 0 };
          if (!response.ok || signal.aborted) return { response, slotCount: 0, issueCount: 0 };
          const asked = new Set(ids);
          const mapped = deps.map(response.body, source);
          // A publisher answering for practitioners or associations it was not asked about is not trusted for them.
          const own = mapped.slots
            .filter((slot) =>
              source.flavour === 'sos' ? isAskedSosSlot(slot, asked) : isAskedPractitionerSlot(slot, asked),
            )
            .flatMap((slot) => (source.flavour === 'sos' ? [slot] : placeCptsSlot(slot, source.cptsByPractitioner)));
          const slots = fresh(own);
          if (slots.length > 0 && !signal.aborted) emit({ type: 'slots', sourceId: source.info.id, slots });
          return {
            response,
            slotCount: slots.length,
            issueCount: mapped.issueCount + (mapped.slots.length - own.length),
          };
        }),
      ),
    );
    if (signal.aborted) return;
    const durationMs = Math.round(deps.now() - started);
    const failures = outcomes.filter((o) => !o.response.ok);
    const slotCount = outcomes.reduce((sum, o) => sum + o.slotCount, 0);
    const ignored = outcomes.reduce((sum, o) => sum + o.issueCount, 0);
    if (failures.length === 0) {
      deps.breaker.recordSuccess(source.info.id);
      status({
        source: source.info,
        state: 'answered',
        durationMs,
        slotCount,
        ...(ignored > 0 ? { reason: `${ignored} entrée(s) ignorée(s) car invalides`, ignoredEntries: ignored } : {}),
      });
      return;
    }
    const first = failures[0]?.response;
    const reason = first && !first.ok ? first.reason : 'échec';
    const timedOut = failures.some((o) => !o.response.ok && o.response.kind === 'timeout');
    // Our own cap on requests in flight is not the publisher's failure: it neither trips the breaker nor says error.
    const notAsked = failures.every((o) => !o.response.ok && o.response.kind === 'saturated');
    if (failures.length === outcomes.length && !notAsked) deps.breaker.recordFailure(source.info.id);
    status({
      source: source.info,
      state: notAsked && failures.length === outcomes.length ? 'skipped' : timedOut ? 'timeout' : 'error',
      reason:
        failures.length === outcomes.length
          ? reason
          : `réponse partielle (${failures.length} lot(s) sur ${outcomes.length} en échec) : ${reason}`,
      durationMs,
      slotCount,
    });
  }

  await Promise.all(sources.map((source) => (source.kind === 'sas-agenda' ? runAgenda(source) : runPublisher(source))));
}
