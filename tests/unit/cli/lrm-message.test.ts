// `lrm-message`: the INT_L02 envelope for a publisher's appointment file, or a clear refusal naming what is wrong.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runLrmMessage } from '@cli/lrm-message';
import { lrmEnvelopeSchema, SAS_APPOINTMENT_ID_SYSTEM } from '@backend/lrm/message';
import { IG_DIR } from '../../fixtures/fhir/load';
import { fshBundleEntries } from '../../fixtures/fhir/ig-lrm/fsh';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PS = `${IG_DIR}Appointment-1.json`;
const SOS = `${IG_DIR}Appointment-12345678.json`;
const tmp = mkdtempSync(join(tmpdir(), 'lrm-message-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ARGS = ['--samu', 'fr.health.samu330', '--origin', 'SAMU330-LRM'];

type Envelope = {
  distributionID: string;
  descriptor: { explicitAddress: { explicitAddressValue: string } };
  content: {
    contentObject: {
      JsonContent: {
        embeddedJsonContent: {
          entry: { resource: Record<string, unknown>; request: { method: string; url: string } }[];
        };
      };
    };
  }[];
};
const bundleOf = (output: unknown) => (output as Envelope).content[0]?.contentObject.JsonContent.embeddedJsonContent;

function spawnCli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'cli/sas-check.ts', 'lrm-message', ...args], { cwd: ROOT }, (error, stdout) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout });
    });
  });
}

describe('runLrmMessage', () => {
  it('a PS appointment: the envelope to the SAMU, Appointment + Practitioner POSTed as in the guide', async () => {
    const outcome = await runLrmMessage([PS, ...ARGS, '--id', 'rdv-42']);
    expect(outcome.exitCode).toBe(0);
    expect(lrmEnvelopeSchema.safeParse(outcome.output).success).toBe(true);
    expect((outcome.output as Envelope).descriptor.explicitAddress.explicitAddressValue).toBe('fr.health.samu330');
    const bundle = bundleOf(outcome.output);
    expect(bundle?.entry.map((e) => [e.resource.resourceType, e.request.method, e.request.url])).toEqual([
      ['Appointment', 'POST', 'Appointment'],
      ['Practitioner', 'POST', 'Practitioner'],
    ]);
    expect(bundle?.entry[0]?.resource).toMatchObject({
      identifier: [{ system: SAS_APPOINTMENT_ID_SYSTEM, value: 'rdv-42' }],
      status: 'booked',
      start: '2022-09-04T15:00:00+02:00',
      participant: [{ actor: { reference: 'Practitioner/810100050075' }, status: 'accepted' }],
    });
  });

  it('an SOS appointment without doctor: the Appointment alone, category SOS (guide example 4)', async () => {
    const outcome = await runLrmMessage([SOS, ...ARGS]);
    expect(outcome.exitCode).toBe(0);
    const entries = bundleOf(outcome.output)?.entry ?? [];
    expect(entries.map((e) => [e.resource.resourceType, e.request.method])).toEqual(
      fshBundleEntries('ExampleBundleAppointmentLRM4').map((e) => [e.resourceType, e.method]),
    );
    expect(JSON.stringify(entries[0]?.resource)).toContain('"code":"003"');
  });

  it('refuses a broken appointment, naming the fields', async () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Appointment', status: 'reserved' }));
    const outcome = await runLrmMessage([file, ...ARGS]);
    expect(outcome.exitCode).toBe(1);
    const codes = (outcome.output as { issues: { code: string }[] }).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['appointment-status-unknown', 'appointment-start-invalid']));
  });

  it('usage errors: exit 2 with the usage', async () => {
    expect((await runLrmMessage([PS, '--samu', 'samu33', '--origin', 'x'])).exitCode).toBe(2);
    expect((await runLrmMessage([PS, '--samu', 'fr.health.samu330'])).exitCode).toBe(2);
    expect((await runLrmMessage([join(tmp, 'absent.json'), ...ARGS])).output).toMatchObject({
      error: expect.stringContaining('introuvable'),
    });
  });

  it('as a command: prints the envelope for a guide example, and exits ≠ 0 on a file that is not JSON', async () => {
    const ok = await spawnCli([PS, ...ARGS]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as Envelope).distributionID).toMatch(/^fr\.health\.ptfsas_/u);
    const file = join(tmp, 'not-json.json');
    writeFileSync(file, '{ "resourceType": ');
    const bad = await spawnCli([file, ...ARGS]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, issues: [{ code: 'json-invalid' }] });
  });
});
