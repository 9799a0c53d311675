// check-publisher against real publishers on loopback: the training publishers (conforming on every testable
// requirement of the ANS kit) and a publisher made faulty here (each fault reported under its requirement).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedPublisher, type SimulatedPublisher } from '@backend/training/publishers/publisher-server';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import type { PublisherReport } from '@shared/conformance/publisher-report';
import { buildSlotSearchUrl, computeSearchWindow } from '@shared/fhir/build-search';
import { runCheckPublisher } from '@cli/check-publisher';

let env: TrainingEnvironment;
let faulty: SimulatedPublisher;

beforeAll(async () => {
  env = await startTrainingEnvironment({ latency: { minMs: 0, maxMs: 20 } });
}, 90_000);

afterAll(async () => {
  await faulty?.close();
  await env?.close();
});

function practitionersOf(publisherId: string, mode: 'individual' | 'cpts', count: number): string[] {
  const offer = JSON.parse(readFileSync('resources/training/care-offer.json', 'utf8')) as {
    practitioners: { nationalId: string; agendaSource?: string; participation?: { mode: string } }[];
  };
  return offer.practitioners
    .filter((p) => p.agendaSource === publisherId && p.participation?.mode === mode)
    .slice(0, count)
    .map((p) => p.nationalId);
}

function sitesOf(publisherId: string): string[] {
  const offer = JSON.parse(readFileSync('resources/training/care-offer.json', 'utf8')) as {
    sosSites: { id: string; agendaSource?: string }[];
  };
  return offer.sosSites.filter((s) => s.agendaSource === publisherId).map((s) => s.id);
}

async function check(args: string[]): Promise<{ exitCode: number; report: PublisherReport }> {
  const outcome = await runCheckPublisher(args);
  return { exitCode: outcome.exitCode, report: outcome.output as PublisherReport };
}

const statusOf = (report: PublisherReport, id: number) => report.requirements.find((r) => r.id === id)?.status;

describe('training publishers speak the IG', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read loosely
  async function search(cpts: boolean): Promise<any> {
    const window = computeSearchWindow(Date.now());
    const url = buildSlotSearchUrl(env.publishers.get('agenda-colibri')!.server.fhirBaseUrl, {
      nationalIds: practitionersOf('agenda-colibri', 'cpts', 25),
      start: window.start,
      end: window.end,
      cpts,
    });
    return (await fetch(url, { headers: { accept: 'application/fhir+json' } })).json();
  }
  /* eslint-disable @typescript-eslint/no-explicit-any -- answers read loosely */
  const slots = (bundle: any): any[] =>
    bundle.entry.map((e: any) => e.resource).filter((r: any) => r.resourceType === 'Slot');
  /* eslint-enable @typescript-eslint/no-explicit-any */

  it('CPTS slots only within 48 hours, only to a CPTS request; Slot.comment is the agenda with the slot', async () => {
    const cptsAnswer = await search(true);
    const cptsSlots = slots(cptsAnswer).filter((s) => s.meta.security.some((c: { code: string }) => c.code === 'CPTS'));
    expect(cptsSlots.length).toBeGreaterThan(0);
    for (const slot of cptsSlots) expect(Date.parse(slot.start) - Date.now()).toBeLessThanOrEqual(48 * 3600 * 1000);
    const comment = new URL(slots(cptsAnswer)[0].comment);
    expect(comment.pathname).toMatch(/^\/rdv\/agenda\/8\d{11}$/u);
    expect(comment.searchParams.get('creneau')).toBe(slots(cptsAnswer)[0].id);
    const psAnswer = await search(false);
    expect(
      psAnswer.entry.some(
        (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'HealthcareService',
      ),
    ).toBe(false);
    expect(slots(psAnswer).some((s) => s.meta.security.some((c: { code: string }) => c.code === 'CPTS'))).toBe(false);
    expect(psAnswer.total).toBe(slots(psAnswer).length);
    expect(psAnswer.link[0].url).toContain('schedule.actor:Practitioner.identifier=');
  });
});

describe('check-publisher', () => {
  it('finds the training publishers conforming on every testable requirement (PS, CPTS, SOS)', async () => {
    const runs = [
      [
        env.publishers.get('agendaplume')!.server.fhirBaseUrl,
        '--ps',
        practitionersOf('agendaplume', 'individual', 10).join(','),
        '--cpts',
        practitionersOf('agendaplume', 'cpts', 8).join(','),
      ],
      [
        env.publishers.get('agenda-colibri')!.server.fhirBaseUrl,
        '--cpts',
        practitionersOf('agenda-colibri', 'cpts', 20).join(','),
      ],
      [env.publishers.get('sos-planning')!.server.fhirBaseUrl, '--sos', sitesOf('sos-planning').join(',')],
    ];
    const outputs: unknown[] = [];
    for (const args of runs) {
      const { exitCode, report } = await check(args);
      outputs.push(report);
      expect(report.requirements.filter((r) => r.status === 'non conforme')).toEqual([]);
      expect(report.otherFindings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(exitCode).toBe(0);
      expect(report.requirements).toHaveLength(49);
    }
    const first = (outputs[0] as PublisherReport).requirements;
    expect(first.filter((r) => r.status === 'conforme').length).toBeGreaterThanOrEqual(35);
    expect(first.find((r) => r.id === 8)?.status).toBe('conforme');
    if (process.env.SAS_CHECK_PUBLISHER_OUT)
      writeFileSync(process.env.SAS_CHECK_PUBLISHER_OUT, JSON.stringify(outputs, null, 2));
  }, 60_000);

  it('reports each fault of a faulty publisher under its requirement', async () => {
    const example = JSON.parse(readFileSync('tests/fixtures/fhir/ig/Bundle-ExampleBundlePSIndiv.json', 'utf8')) as {
      total?: number;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a fixture mutated in depth on purpose
      entry: { resource: Record<string, any> }[];
    };
    const slot = example.entry[0]!.resource;
    slot.end = '2021-11-05T09:30:00Z'; // 45: no milliseconds, no offset
    const role = example.entry.find((e) => e.resource.resourceType === 'PractitionerRole')!.resource;
    delete role.organization; // 20
    role.contained[0].address.postalCode = '4700'; // 40
    const practitioner = example.entry.find((e) => e.resource.resourceType === 'Practitioner')!.resource;
    practitioner.identifier[0].value = '12345'; // 17, and 18/29: not the practitioner asked for
    delete example.total; // 13
    slot.meta.security[0].code = 'URGENT'; // 23, 46
    faulty = await startSimulatedPublisher({
      id: 'editeur-defaillant',
      name: 'Éditeur défaillant',
      latency: { minMs: 1_100, maxMs: 1_150 }, // beyond the kit's 1 s target
      answer: () => example, // the same answer whatever the window (5, 6, 7, 8)
    });
    const { exitCode, report } = await check([faulty.fhirBaseUrl, '--ps', '810100050075']);
    expect(exitCode).toBe(1);
    expect(report.conforme).toBe(false);
    const expectations: [number, string][] = [
      [45, 'slot-instant-format'],
      [20, 'role-organization-identifier'],
      [40, 'location-postal-code'],
      [17, 'practitioner-rpps-format'],
      [18, 'practitioner-not-requested'],
      [29, 'practitioner-not-requested'],
      [13, 'bundle-total-missing'],
      [23, 'slot-security'],
      [46, 'slot-security'],
      [5, 'slot-before-start'],
      [8, 'empty-bundle-expected'],
    ];
    for (const [id, code] of expectations) {
      expect(statusOf(report, id), `exigence ${id}`).toBe('non conforme');
      expect(report.requirements.find((r) => r.id === id)?.findings?.map((f) => f.code)).toContain(code);
    }
    expect(report.otherFindings.map((f) => f.code)).toContain('answer-over-target');
    expect(statusOf(report, 12)).toBe('conforme');
    expect(statusOf(report, 1)).toBe('non testé');
  }, 60_000);
});
