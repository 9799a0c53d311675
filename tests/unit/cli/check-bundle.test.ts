// `check-bundle`: exit 0 when the bundle maps with no issue, 1 when invalid, 2 on usage errors; JSON on stdout.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckBundle } from '@cli/check-bundle';
import { IG_DIR, loadIg } from '../../fixtures/fhir/load';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PS = `${IG_DIR}Bundle-ExampleBundlePSIndiv.json`;
const CPTS = `${IG_DIR}Bundle-ExampleBundleCPTS1.json`;
const tmp = mkdtempSync(join(tmpdir(), 'check-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

type Output = {
  valid?: boolean;
  error?: string;
  usage?: string;
  summary?: Record<string, number>;
  result?: { slots: { id: string }[]; cpts: { name: string; phone?: string }[] };
  issues?: { code: string; message: string }[];
};
const out = (o: { output: unknown }) => o.output as Output;

describe('runCheckBundle', () => {
  it('exit 0 and the mapped result for a valid bundle', async () => {
    const outcome = await runCheckBundle([CPTS]);
    expect(outcome.exitCode).toBe(0);
    expect(out(outcome)).toMatchObject({
      valid: true,
      summary: { slots: 1, practitioners: 1, cpts: 1, sosSites: 0, issues: 0 },
      issues: [],
    });
    expect(out(outcome).result?.cpts[0]).toMatchObject({ name: 'CPTS AXE MAJEUR', phone: '+33102030405' });
    expect(out(outcome).result?.slots[0]?.id).toBe('verification/ExampleSlotCPTS1');
  });

  it('--source names the publisher in slot ids', async () => {
    const outcome = await runCheckBundle(['--source', 'maiia', PS]);
    expect(outcome.exitCode).toBe(0);
    expect(out(outcome).result?.slots.map((s) => s.id)[0]).toBe('maiia/ExampleSlotPSIndiv1');
  });

  it('reads a file starting with a byte-order mark', async () => {
    const outcome = await runCheckBundle([
      file('bom.json', `\uFEFF${JSON.stringify(loadIg('Bundle-ExampleBundleCPTS1.json'))}`),
    ]);
    expect(outcome.exitCode).toBe(0);
  });

  it.each([
    ['unreadable JSON', '{"resourceType": "Bundle",', 'json-invalid'],
    ['not a bundle', JSON.stringify(loadIg('Appointment-1.json')), 'not-a-bundle'],
    ['not an object', '[]', 'not-an-object'],
  ])('exit 1 for %s', async (_label, content, code) => {
    const outcome = await runCheckBundle([file(`${code}.json`, content)]);
    expect(outcome.exitCode).toBe(1);
    expect(out(outcome).valid).toBe(false);
    expect(out(outcome).issues?.map((i) => i.code)).toEqual([code]);
    expect(out(outcome).issues?.[0]?.message).toMatch(/[A-Za-zé]{4}/u);
  });

  it('exit 1 with the result and its issues when something in the bundle is wrong', async () => {
    const bundle = structuredClone(loadIg('Bundle-ExampleBundlePSIndiv.json')) as {
      entry: { resource: Record<string, unknown> }[];
    };
    const first = bundle.entry[0];
    if (first === undefined) throw new Error('fixture');
    first.resource.comment = 'Appeler le cabinet';
    const outcome = await runCheckBundle([file('bad-url.json', JSON.stringify(bundle))]);
    expect(outcome.exitCode).toBe(1);
    expect(out(outcome).summary).toMatchObject({ slots: 4, issues: 1 });
    expect(out(outcome).issues?.[0]).toMatchObject({ code: 'slot-booking-url-invalid' });
  });

  it.each([
    ['no argument', []],
    ['a missing file', [join(tmp, 'absent.json')]],
    ['a directory', [tmp]],
    ['two files', [PS, CPTS]],
    ['an unknown option', ['--verbose', PS]],
    ['--source without value', [PS, '--source']],
    ['--source with a bad value', ['--source', 'a b', PS]],
  ])('exit 2 for %s, with the usage', async (_label, args) => {
    const outcome = await runCheckBundle(args);
    expect(outcome.exitCode).toBe(2);
    expect(out(outcome).error).toBeTypeOf('string');
    expect(out(outcome).usage).toContain('check-bundle');
  });
});

describe('through a real process: npx tsx cli/sas-check.ts check-bundle <file>', () => {
  function run(args: string[]): Promise<{ code: number; stdout: string }> {
    return new Promise((resolve) => {
      execFile('npx', ['tsx', 'cli/sas-check.ts', 'check-bundle', ...args], { cwd: ROOT }, (error, stdout) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout });
      });
    });
  }

  it('prints JSON and exits 0, 1 and 2', async () => {
    const [ok, bad, usage] = await Promise.all([run([PS]), run([file('p.json', '{')]), run([])]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, summary: { slots: 4, practitioners: 2 } });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, issues: [{ code: 'json-invalid' }] });
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ error: 'fichier JSON manquant' });
  });
});
