// check-publisher's verdict: from the exchanges it had with a live publisher (the IG's requests and the answers, with
// their durations), the findings of each answer and the ANS test kit's requirements one by one — conforme, non
// conforme, non testé (with why) or non vérifiable (the kit cannot check it from outside either).
import { checkBundleConformance } from './check-bundle';
import { type Finding, FindingSink } from './findings';
import { isRecord, type Json, records } from './json';
import { KIT_REQUIREMENTS } from './kit-requirements';
import { IDNPS_SYSTEM } from './profiles';

export type ExchangeKind = 'ps' | 'cpts' | 'sos' | 'empty-window';

export interface Exchange {
  kind: ExchangeKind;
  url: string;
  /** IDNPS (ps, cpts, empty-window) or IDNST (sos) asked for. */
  requestedIds: readonly string[];
  searchWindow: { startMs: number; endMs: number };
  answer:
    | { ok: true; body: unknown; durationMs: number }
    | { ok: false; reason: string; status?: number; durationMs: number };
}

type RequirementStatus = 'conforme' | 'non conforme' | 'non testé' | 'non vérifiable';

interface RequirementVerdict {
  id: number;
  requirement: string;
  status: RequirementStatus;
  detail?: string;
  findings?: { code: string; path: string; message: string; request: ExchangeKind }[];
}

export interface PublisherReport {
  conforme: boolean;
  requests: { kind: ExchangeKind; url: string; durationMs: number; result: string }[];
  requirements: RequirementVerdict[];
  /** IG rules the kit does not list (CPTS 48 h window, PS-only answers, time budget), and warnings. */
  otherFindings: { code: string; severity: string; path: string; message: string; request: ExchangeKind }[];
}

export const BUDGET_MS = 7_000;
const TARGET_MS = 1_000;
const MAX_FINDINGS_PER_REQUIREMENT = 5;

function slotsOf(body: Json): Json[] {
  return records(body.entry)
    .map((e) => e.resource)
    .filter((r): r is Json => isRecord(r) && r.resourceType === 'Slot');
}

function resourcesOf(body: Json, type: string): Json[] {
  return records(body.entry)
    .map((e) => e.resource)
    .filter((r): r is Json => isRecord(r) && r.resourceType === type);
}

/** The behaviour of the search itself: filters, includes, search window, empty answers. */
function checkBehaviour(exchange: Exchange, body: Json, sink: FindingSink): void {
  const slots = slotsOf(body);
  slots.forEach((slot, index) => {
    const start = Date.parse(String(slot.start));
    const path = `Bundle.entry.resource.ofType(Slot)[${index}].start`;
    if (exchange.kind === 'sos' || Number.isNaN(start)) return;
    if (start < exchange.searchWindow.startMs) sink.add('slot-before-start', path, String(slot.start));
    else if (start > exchange.searchWindow.endMs) sink.add('slot-outside-window', path, String(slot.start));
  });
  if (exchange.kind === 'empty-window' && (slots.length > 0 || body.total !== 0))
    sink.add('empty-bundle-expected', 'Bundle', `${slots.length} créneau(x), total ${String(body.total)}`);
  if (exchange.kind === 'ps' || exchange.kind === 'cpts') {
    resourcesOf(body, 'Practitioner').forEach((practitioner, index) => {
      const ids = records(practitioner.identifier)
        .filter((i) => i.system === IDNPS_SYSTEM)
        .map((i) => String(i.value));
      if (!ids.some((id) => exchange.requestedIds.includes(id)))
        sink.add('practitioner-not-requested', `Bundle.entry.resource.ofType(Practitioner)[${index}].identifier`);
    });
    if (slots.length > 0 && resourcesOf(body, 'Schedule').length === 0)
      sink.add('include-schedule-missing', 'Bundle.entry');
    if (slots.length > 0 && resourcesOf(body, 'PractitionerRole').length === 0)
      sink.add('include-iterate-missing', 'Bundle.entry');
  }
  if (exchange.kind === 'ps') {
    const cpts = slots.some((slot) =>
      records(isRecord(slot.meta) ? slot.meta.security : undefined).some((c) => c.code === 'CPTS'),
    );
    if (cpts || resourcesOf(body, 'HealthcareService').length > 0) sink.add('ps-request-cpts-answer', 'Bundle.entry');
  }
}

export function assessExchanges(
  exchanges: readonly Exchange[],
  options: { mtls?: { tested: true; refusedWithoutCertificate: boolean } | { tested: false; reason: string } } = {},
): PublisherReport {
  const all: (Finding & { request: ExchangeKind })[] = [];
  for (const exchange of exchanges) {
    const sink = new FindingSink();
    const answer = exchange.answer;
    if (answer.durationMs > BUDGET_MS) sink.add('answer-over-budget', 'réponse', `${answer.durationMs} ms`);
    else if (answer.durationMs > TARGET_MS) sink.add('answer-over-target', 'réponse', `${answer.durationMs} ms`);
    if (!answer.ok) sink.add('search-failed', 'réponse', answer.reason);
    else {
      const check = checkBundleConformance(answer.body, { now: new Date(exchange.searchWindow.startMs) });
      sink.findings.push(...check.findings);
      if (isRecord(answer.body)) checkBehaviour(exchange, answer.body, sink);
    }
    all.push(...sink.findings.map((f) => ({ ...f, request: exchange.kind })));
  }
  const mtls = options.mtls ?? { tested: false, reason: 'mTLS non éprouvé.' };
  if (mtls.tested && !mtls.refusedWithoutCertificate) {
    const sink = new FindingSink();
    sink.add('mtls-not-required', 'connexion TLS');
    all.push(...sink.findings.map((f) => ({ ...f, request: 'ps' as const })));
  }
  const psAnswered = exchanges.some((e) => (e.kind === 'ps' || e.kind === 'cpts') && e.answer.ok);
  const emptyAsked = exchanges.some((e) => e.kind === 'empty-window' && e.answer.ok);
  const requirements = KIT_REQUIREMENTS.map((kit): RequirementVerdict => {
    const failing = all.filter((f) => f.severity === 'error' && f.requirements.includes(kit.id));
    const base = { id: kit.id, requirement: kit.text };
    if (failing.length > 0)
      return {
        ...base,
        status: 'non conforme',
        findings: failing
          .slice(0, MAX_FINDINGS_PER_REQUIREMENT)
          .map(({ code, path, message, request }) => ({ code, path, message, request })),
      };
    if (kit.id <= 3) {
      if (!mtls.tested) return { ...base, status: 'non testé', detail: mtls.reason };
      if (kit.id > 1)
        return { ...base, status: 'non testé', detail: 'Nécessite des certificats de test au CN / OU refusés.' };
      return { ...base, status: 'conforme' };
    }
    if (kit.notVerifiable)
      return { ...base, status: 'non vérifiable', detail: 'Le kit ANS ne le vérifie pas non plus.' };
    if (kit.id === 8 && !emptyAsked)
      return { ...base, status: 'non testé', detail: 'Requête sans créneau non aboutie.' };
    if (!psAnswered)
      return {
        ...base,
        status: 'non testé',
        detail: 'Aucune recherche de créneaux de PS (individuel ou CPTS) aboutie.',
      };
    return { ...base, status: 'conforme' };
  });
  const otherFindings = all
    .filter((f) => f.requirements.length === 0 || f.severity === 'warning')
    .map(({ code, severity, path, message, request }) => ({ code, severity, path, message, request }));
  return {
    conforme:
      requirements.every((r) => r.status !== 'non conforme') && !otherFindings.some((f) => f.severity === 'error'),
    requests: exchanges.map((e) => ({
      kind: e.kind,
      url: e.url,
      durationMs: e.answer.durationMs,
      result: e.answer.ok ? 'réponse reçue' : e.answer.reason,
    })),
    requirements,
    otherFindings,
  };
}
