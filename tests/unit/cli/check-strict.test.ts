// `check-bundle --strict` passes every example of the IG (the copy in shared/sas-ig and the test fixtures), fails an
// altered answer with exit 1; `check-appointment` answers as the V3 receiver does.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckAppointment } from '@cli/check-appointment';
import { runCheckBundle } from '@cli/check-bundle';
import { IG_DIR } from '../../fixtures/fhir/load';

const SHARED_IG = fileURLToPath(new URL('../../../../shared/sas-ig/examples/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'check-strict-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const examples = [IG_DIR, SHARED_IG].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name)),
);

type StrictOutput = { valid: boolean; findings?: { code: string; severity: string; path: string }[] };

describe('check-bundle --strict', () => {
  it('finds the IG examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(56);
  });

  it.each(examples)('passes %s', async (file) => {
    const outcome = await runCheckBundle([file, '--strict', '--now', '2024-06-12T16:20:00+02:00']);
    expect(outcome.output).toMatchObject({ valid: true });
    expect(outcome.exitCode).toBe(0);
  });

  it('exit 1 with the code and location of each deviation', async () => {
    const bundle = JSON.parse(readFileSync(join(IG_DIR, 'Bundle-ExampleBundlePSIndiv.json'), 'utf8'));
    bundle.entry[0].resource.start = '2021-11-05T09:00:00Z';
    delete bundle.total;
    const file = join(tmp, 'altered.json');
    writeFileSync(file, JSON.stringify(bundle));
    const outcome = await runCheckBundle([file, '--strict']);
    expect(outcome.exitCode).toBe(1);
    const findings = (outcome.output as StrictOutput).findings ?? [];
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'slot-instant-format', path: 'Bundle.entry[0].resource.ofType(Slot).start' }),
        expect.objectContaining({ code: 'bundle-total-missing', path: 'Bundle.total' }),
      ]),
    );
  });

  it('a warning (kit vs IG: free slot without booking URL) does not fail', async () => {
    const outcome = await runCheckBundle([join(IG_DIR, 'Bundle-ExampleBundlePSIndiv.json'), '--strict']);
    expect(outcome.exitCode).toBe(0);
    expect((outcome.output as StrictOutput).findings).toEqual([
      expect.objectContaining({ code: 'slot-booking-url-missing', severity: 'warning' }),
    ]);
  });

  it('usage error on a bad --now', async () => {
    expect(
      (await runCheckBundle([join(IG_DIR, 'Bundle-ExampleBundlePSIndiv.json'), '--strict', '--now', 'hier'])).exitCode,
    ).toBe(2);
  });
});

describe('check-appointment', () => {
  it('accepts the IG appointments as the receiver does', async () => {
    for (const name of ['Appointment-1.json', 'Appointment-12345678.json']) {
      const outcome = await runCheckAppointment([join(IG_DIR, name)]);
      expect(outcome.output).toMatchObject({ valid: true, httpStatus: 201 });
      expect(outcome.exitCode).toBe(0);
    }
  });

  it('refuses a broken appointment with the receiver’s own status and French message', async () => {
    const appointment = JSON.parse(readFileSync(join(IG_DIR, 'Appointment-1.json'), 'utf8'));
    delete appointment.start;
    const file = join(tmp, 'rdv.json');
    writeFileSync(file, JSON.stringify(appointment));
    const outcome = await runCheckAppointment([file]);
    expect(outcome.exitCode).toBe(1);
    const output = outcome.output as { httpStatus: number; issues: { code: string; message: string }[] };
    expect(output.httpStatus).toBeGreaterThanOrEqual(400);
    expect(output.issues.length).toBeGreaterThan(0);
    expect(output.issues[0]!.message).toMatch(/[a-zé]/u);
  });

  it('checks the conditional update identifier', async () => {
    const outcome = await runCheckAppointment([join(IG_DIR, 'Appointment-1.json'), '--put', 'pas-le-bon']);
    expect(outcome.output).toMatchObject({ valid: false, httpStatus: 422, issues: [{ code: 'identifier-mismatch' }] });
  });
});
