// `check-publisher <URL de base FHIR> --ps <IDNPS,...> [--cpts <IDNPS,...>] [--sos <IDNST,...>] [--cert f --key f
// [--ca f]]`: runs the IG's requests against a live publisher through the platform's own client (mutual TLS, 7 s
// budget, no redirects), times each answer against the 7 s budget and the kit's 1 s target, and reports conformance
// requirement by requirement with the ANS test kit's ids. Exit 0 conforming, 1 not, 2 usage error.
import { readFile } from 'node:fs/promises';
import { PublisherClient } from '../backend/search/publisher-client';
import { assessExchanges, BUDGET_MS, type Exchange, type ExchangeKind } from '../shared/conformance/publisher-report';
import { buildSlotSearchUrl, buildSosScheduleSearchUrl, computeSearchWindow } from '../shared/fhir/build-search';
import type { CliOutcome } from './run-cli';

const USAGE =
  'npm run --silent cli -- check-publisher <URL de base FHIR> --ps <IDNPS,...> [--cpts <IDNPS,...>] [--sos <IDNST,...>] [--cert <certificat.pem> --key <clé.pem> [--ca <ac.pem>]]';
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const DAY_MS = 24 * 3600 * 1000;

interface Options {
  base: string;
  ps: string[];
  cpts: string[];
  sos: string[];
  cert?: string;
  key?: string;
  ca?: string;
}

function readOptions(args: readonly string[]): Options | string {
  const [base, ...rest] = args;
  if (base === undefined || !/^https?:\/\/\S+$/u.test(base)) return 'URL de base FHIR http(s) attendue en premier.';
  const options: Options = { base, ps: [], cpts: [], sos: [] };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined || value.startsWith('--')) return `${flag ?? ''} attend une valeur.`;
    const ids = value.split(',').filter((id) => id !== '');
    if (flag === '--ps') options.ps = ids;
    else if (flag === '--cpts') options.cpts = ids;
    else if (flag === '--sos') options.sos = ids;
    else if (flag === '--cert') options.cert = value;
    else if (flag === '--key') options.key = value;
    else if (flag === '--ca') options.ca = value;
    else return `argument inattendu : ${flag ?? ''}`;
  }
  if (options.ps.length + options.cpts.length + options.sos.length === 0)
    return 'Au moins un de --ps, --cpts ou --sos : les praticiens (IDNPS) ou associations (IDNST) tenus par l’éditeur.';
  if ((options.cert === undefined) !== (options.key === undefined)) return '--cert et --key vont ensemble.';
  return options;
}

export async function runCheckPublisher(args: readonly string[]): Promise<CliOutcome> {
  const options = readOptions(args);
  if (typeof options === 'string') return { exitCode: 2, output: { error: options, usage: USAGE } };
  let tls: { cert?: Buffer; key?: Buffer; ca?: Buffer } = {};
  try {
    tls = {
      ...(options.cert ? { cert: await readFile(options.cert) } : {}),
      ...(options.key ? { key: await readFile(options.key) } : {}),
      ...(options.ca ? { ca: await readFile(options.ca) } : {}),
    };
  } catch {
    return { exitCode: 2, output: { error: 'certificat, clé ou AC illisible', usage: USAGE } };
  }
  const client = new PublisherClient({ timeoutMs: BUDGET_MS + 1_000, maxBodyBytes: MAX_BODY_BYTES, tls });
  try {
    const now = Date.now();
    const searchWindow = computeSearchWindow(now);
    const past = computeSearchWindow(now - 366 * DAY_MS, 0);
    const plan: { kind: ExchangeKind; url: string; ids: string[]; searchWindow: typeof searchWindow }[] = [];
    const slotUrl = (ids: string[], w: typeof searchWindow, cpts: boolean) =>
      buildSlotSearchUrl(options.base, { nationalIds: ids.slice(0, 25), start: w.start, end: w.end, cpts });
    if (options.ps.length > 0)
      plan.push({ kind: 'ps', url: slotUrl(options.ps, searchWindow, false), ids: options.ps, searchWindow });
    if (options.cpts.length > 0)
      plan.push({ kind: 'cpts', url: slotUrl(options.cpts, searchWindow, true), ids: options.cpts, searchWindow });
    if (options.sos.length > 0)
      plan.push({
        kind: 'sos',
        url: buildSosScheduleSearchUrl(options.base, {
          organizationIds: options.sos.slice(0, 25),
          start: searchWindow.start,
          end: searchWindow.end,
        }),
        ids: options.sos,
        searchWindow,
      });
    const anyPractitioners = options.ps.length > 0 ? options.ps : options.cpts;
    if (anyPractitioners.length > 0)
      plan.push({
        kind: 'empty-window',
        url: slotUrl(anyPractitioners, past, options.ps.length === 0),
        ids: anyPractitioners,
        searchWindow: past,
      });

    const exchanges: Exchange[] = [];
    for (const step of plan) {
      const answer = await client.get(step.url);
      exchanges.push({
        kind: step.kind,
        url: step.url,
        requestedIds: step.ids,
        searchWindow: { startMs: step.searchWindow.startMs, endMs: step.searchWindow.endMs },
        answer: answer.ok
          ? { ok: true, body: answer.body, durationMs: answer.durationMs }
          : {
              ok: false,
              reason: answer.reason,
              durationMs: answer.durationMs,
              ...(answer.status !== undefined ? { status: answer.status } : {}),
            },
      });
    }
    const report = assessExchanges(exchanges, { mtls: await probeMutualTls(options, tls) });
    return { exitCode: report.conforme ? 0 : 1, output: { publisher: options.base, ...report } };
  } finally {
    await client.close();
  }
}

/** Requirement 1: over https with the platform's certificate, the same request without a client certificate must fail. */
async function probeMutualTls(
  options: Options,
  tls: { cert?: Buffer; key?: Buffer; ca?: Buffer },
): Promise<{ tested: true; refusedWithoutCertificate: boolean } | { tested: false; reason: string }> {
  if (!options.base.startsWith('https:'))
    return { tested: false, reason: 'Adresse http : mTLS éprouvé seulement en https avec --cert et --key.' };
  if (!tls.cert) return { tested: false, reason: 'Sans --cert / --key, la connexion mTLS ne peut être éprouvée.' };
  const anonymous = new PublisherClient({
    timeoutMs: BUDGET_MS,
    maxBodyBytes: MAX_BODY_BYTES,
    tls: tls.ca ? { ca: tls.ca } : {},
  });
  try {
    const searchWindow = computeSearchWindow(Date.now());
    const answer = await anonymous.get(
      buildSlotSearchUrl(options.base, {
        nationalIds: (options.ps.length > 0 ? options.ps : options.cpts).slice(0, 1),
        start: searchWindow.start,
        end: searchWindow.end,
      }),
    );
    return { tested: true, refusedWithoutCertificate: !answer.ok };
  } finally {
    await anonymous.close();
  }
}
