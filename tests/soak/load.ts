// The load run against the training backend: `searchers` concurrent searches, back to back, and
// publishers posting RDV V3 appointments (create, then status changes) with their training keys, for a duration;
// then every posted appointment is read back through the console API as its regulator. Used by `npm run soak`
// (60 s) and by the short run in the integration suite (a few seconds).
import { authorizationHeaders } from '@services/session/dpop-key';
import type { TrainingEnvironment } from '../../backend/training/environment';
import { readNdjson } from '../../electron/services/ndjson';
import type { Appointment, AppointmentStatus } from '../../shared/domain/appointment';
import type { SearchEvent, SearchQuery } from '../../shared/domain/search';
import { buildAppointment } from '../../shared/fhir/build-v1-v3';
import { loginToTraining, type LoggedIn } from '../integration/support/training-session';

export interface LoadOptions {
  durationMs: number;
  /** Concurrent searches (each worker starts the next as soon as one ends). */
  searchers: number;
  /** Concurrent V3 posters. */
  posters: number;
  /** Regulators (national ids) the appointments are booked by; each must be an active training regulator. */
  operators: readonly string[];
  /**
   * Distinct appointments per regulator. GET /api/appointments returns a regulator's 200 latest (no paging), so
   * beyond that "retrievable afterwards" cannot be checked through the API: once the cap is reached, posters send
   * status changes of the appointments they created (conditional PUT) instead of new ones.
   */
  appointmentsPerOperator: number;
  log?: (line: string) => void;
}

type LoadErrorKind = 'search-http' | 'search-stream' | 'search-event' | 'source' | 'v3' | 'read-back';

interface LoadError {
  kind: LoadErrorKind;
  detail: string;
}

interface LatencyFigures {
  count: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
}

export interface LoadReport {
  durationMs: number;
  searches: LatencyFigures;
  /** Time to the first slots of a search (what the regulator waits for). */
  firstSlots: LatencyFigures;
  posts: LatencyFigures;
  appointmentsCreated: number;
  statusChanges: number;
  readBack: { expected: number; found: number; wrongStatus: number };
  errors: LoadError[];
  errorCounts: Record<LoadErrorKind, number>;
}

/** Places around the training departments (33 urban, 47 rural), with and without a street. */
const QUERIES: SearchQuery[] = [
  { location: { inseeCode: '33063', city: 'Bordeaux', streetName: 'cours de l’Intendance', streetNumber: '10' } },
  {
    location: { inseeCode: '33063', city: 'Bordeaux' },
    specialty: {
      kind: 'coded',
      coding: {
        system: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
        code: 'SM40',
      },
    },
  },
  { location: { inseeCode: '33281', city: 'Mérignac' } },
  { location: { inseeCode: '33522', city: 'Talence' } },
  { location: { inseeCode: '47001', city: 'Agen' } },
  { location: { inseeCode: '47323', city: 'Villeneuve-sur-Lot' } },
  { location: { city: 'Marmande' } },
];

function figures(samples: readonly number[], durationMs: number): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? NaN,
    perSecond: sorted.length / (durationMs / 1000),
  };
}

/** The statuses a practitioners' publisher reports (SOS ones also send pending / needs-action). */
type PsStatus = Extract<AppointmentStatus, 'booked' | 'fulfilled' | 'noshow' | 'cancelled'>;

interface Posted {
  publisherId: string;
  publisherAppointmentId: string;
  operatorId: string;
  status: PsStatus;
  body: ReturnType<typeof buildAppointment>;
}

const NEXT_STATUS: Record<PsStatus, PsStatus[]> = {
  booked: ['fulfilled', 'noshow', 'cancelled'],
  fulfilled: ['booked'],
  noshow: ['booked'],
  cancelled: ['booked'],
};

export async function runLoad(env: TrainingEnvironment, options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const sessions = new Map<string, LoggedIn>();
  for (const operator of options.operators) sessions.set(operator, await loginToTraining(env, operator));
  const anySession = sessions.get(options.operators[0] ?? '');
  if (!anySession) throw new Error('at least one operator is needed');

  const errors: LoadError[] = [];
  const fail = (kind: LoadErrorKind, detail: string) => {
    errors.push({ kind, detail: detail.slice(0, 300) });
  };
  const searchMs: number[] = [];
  const firstSlotMs: number[] = [];
  const postMs: number[] = [];
  const posted: Posted[] = [];
  let statusChanges = 0;
  const runId = Date.now().toString(36);
  const started = performance.now();
  const deadline = started + options.durationMs;

  // The publishers that post, each with its practitioners (effectors of its appointments).
  const publishers = [...env.publishers.values()]
    .filter((p) => p.entry.kind !== 'sos')
    .map((p) => ({
      id: p.entry.id,
      key: p.publisherKey,
      practitioners: env.dataset.careOffer.practitioners.filter((pr) => pr.agendaSource === p.entry.id),
    }))
    .filter((p) => p.practitioners.length > 0);

  async function searchWorker(worker: number): Promise<void> {
    const session = [...sessions.values()][worker % sessions.size] ?? anySession!;
    for (let n = 0; performance.now() < deadline; n += 1) {
      const query = QUERIES[(worker + n) % QUERIES.length]!;
      const t0 = performance.now();
      try {
        const token = await session.session.accessToken();
        const response = await fetch(`${env.backendUrl}/api/search`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
          },
          body: JSON.stringify({ query }),
        });
        if (response.status !== 200 || !response.body) {
          fail('search-http', `HTTP ${response.status}`);
          await response.body?.cancel();
          continue;
        }
        let done = false;
        let first: number | undefined;
        for await (const raw of readNdjson(response.body)) {
          const event = raw as SearchEvent;
          if (event.type === 'slots' && first === undefined) first = performance.now() - t0;
          if (event.type === 'error') fail('search-event', `${event.code}: ${event.message}`);
          if (event.type === 'source-status' && event.status.state !== 'answered')
            fail('source', `${event.status.source.id}: ${event.status.state} ${event.status.reason ?? ''}`);
          if (event.type === 'done') done = true;
        }
        if (!done) fail('search-stream', 'stream ended without done');
        searchMs.push(performance.now() - t0);
        if (first !== undefined) firstSlotMs.push(first);
      } catch (error) {
        fail('search-stream', String(error));
      }
    }
  }

  async function send(item: Posted, method: 'POST' | 'PUT', key: string): Promise<void> {
    const identifier = `${item.body.identifier?.[0]?.system ?? ''}|${item.publisherAppointmentId}`;
    const url =
      method === 'POST'
        ? `${env.backendUrl}/fhir/Appointment`
        : `${env.backendUrl}/fhir/Appointment?identifier=${encodeURIComponent(identifier)}`;
    const t0 = performance.now();
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${key}` },
      body: JSON.stringify(item.body),
    });
    const text = await response.text();
    postMs.push(performance.now() - t0);
    const expected = method === 'POST' ? [201] : [200];
    if (!expected.includes(response.status)) fail('v3', `${method} ${response.status}: ${text.slice(0, 200)}`);
  }

  async function postWorker(worker: number): Promise<void> {
    const mine: Posted[] = [];
    for (let n = 0; performance.now() < deadline; n += 1) {
      const publisher = publishers[(worker + n) % publishers.length]!;
      const operator = options.operators[(worker + n) % options.operators.length]!;
      const perOperator = posted.filter((p) => p.operatorId === operator).length;
      try {
        if (perOperator < options.appointmentsPerOperator) {
          const practitioner = publisher.practitioners[n % publisher.practitioners.length]!;
          const startMs = Date.UTC(2031, 0, 1) + (worker * 100_000 + n) * 15 * 60_000;
          const id = `soak-${runId}-${worker}-${n}`;
          const item: Posted = {
            publisherId: publisher.id,
            publisherAppointmentId: id,
            operatorId: operator,
            status: 'booked',
            body: buildAppointment({
              profile: 'ps',
              publisherAppointmentId: id,
              identifierSystem: `urn:sas-console:training:${publisher.id}:appointment`,
              status: 'booked',
              start: new Date(startMs).toISOString(),
              end: new Date(startMs + 15 * 60_000).toISOString(),
              created: new Date().toISOString(),
              operatorId: operator,
              practitionerId: practitioner.nationalId,
              practitionerName: `${practitioner.givenName ?? ''} ${practitioner.familyName}`.trim(),
            }),
          };
          posted.push(item);
          mine.push(item);
          await send(item, 'POST', publisher.key);
        } else if (mine.length > 0) {
          // Status change of one of this worker's appointments: only this worker writes it, so the last write wins.
          const item = mine[n % mine.length]!;
          const choices = NEXT_STATUS[item.status];
          const next = choices[n % choices.length] ?? 'booked';
          item.status = next;
          item.body = { ...item.body, status: next };
          statusChanges += 1;
          const key = publishers.find((p) => p.id === item.publisherId)?.key ?? '';
          await send(item, 'PUT', key);
        } else {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } catch (error) {
        fail('v3', String(error));
      }
    }
  }

  log(
    `charge : ${options.searchers} recherches simultanées, ${options.posters} éditeurs postant des RDV V3, ${Math.round(options.durationMs / 1000)} s`,
  );
  await Promise.all([
    ...Array.from({ length: options.searchers }, (_, i) => searchWorker(i)),
    ...Array.from({ length: options.posters }, (_, i) => postWorker(i)),
  ]);
  const durationMs = performance.now() - started;

  // Read back: every posted appointment, as its regulator sees it in the console, with its last status.
  let found = 0;
  let wrongStatus = 0;
  for (const [operator, session] of sessions) {
    const response = await fetch(`${env.backendUrl}/api/appointments`, {
      headers: {
        ...(await authorizationHeaders(
          await session.session.accessToken(),
          'GET',
          `${env.backendUrl}/api/appointments`,
        )),
      },
    });
    if (response.status !== 200) {
      fail('read-back', `GET /api/appointments ${response.status} for ${operator}`);
      continue;
    }
    const { appointments } = (await response.json()) as { appointments: Appointment[] };
    const byKey = new Map(appointments.map((a) => [`${a.publisherId}|${a.publisherAppointmentId}`, a]));
    for (const item of posted.filter((p) => p.operatorId === operator)) {
      const stored = byKey.get(`${item.publisherId}|${item.publisherAppointmentId}`);
      if (!stored) {
        fail('read-back', `${item.publisherAppointmentId} missing for ${operator}`);
        continue;
      }
      found += 1;
      if (stored.status !== item.status) {
        wrongStatus += 1;
        fail('read-back', `${item.publisherAppointmentId}: ${stored.status} instead of ${item.status}`);
      }
    }
  }
  for (const session of sessions.values()) await session.session.close();

  const errorCounts: Record<LoadErrorKind, number> = {
    'search-http': 0,
    'search-stream': 0,
    'search-event': 0,
    source: 0,
    v3: 0,
    'read-back': 0,
  };
  for (const e of errors) errorCounts[e.kind] += 1;
  return {
    durationMs,
    searches: figures(searchMs, durationMs),
    firstSlots: figures(firstSlotMs, durationMs),
    posts: figures(postMs, durationMs),
    appointmentsCreated: posted.length,
    statusChanges,
    readBack: { expected: posted.length, found, wrongStatus },
    errors,
    errorCounts,
  };
}

export function formatReport(report: LoadReport): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const row = (name: string, f: LatencyFigures) =>
    `| ${name} | ${f.count} | ${f.perSecond.toFixed(1)}/s | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} |`;
  const errors = Object.entries(report.errorCounts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `Charge sur ${(report.durationMs / 1000).toFixed(1)} s`,
    '| mesure | nombre | débit | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('recherche complète', report.searches),
    row('premiers créneaux', report.firstSlots),
    row('RDV V3 (POST/PUT)', report.posts),
    `RDV créés : ${report.appointmentsCreated}, changements d’état : ${report.statusChanges}, relus par l’API : ${report.readBack.found}/${report.readBack.expected} (état faux : ${report.readBack.wrongStatus})`,
    `Erreurs : ${report.errors.length}${errors ? ` (${errors})` : ''}`,
    ...report.errors.slice(0, 10).map((e) => `  ${e.kind}: ${e.detail}`),
  ].join('\n');
}
