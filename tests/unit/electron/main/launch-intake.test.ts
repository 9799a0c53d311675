import { beforeEach, describe, expect, it } from 'vitest';
import { findLaunchUrl, parseLaunch } from '@shared/launch/parse-launch';
import { LaunchIntake } from '@main/launch-intake';
import { LaunchQueue } from '@services/launch-queue';
import type { LaunchEvent } from '@shared/api/console-api';
import { app, fakeEvent, resetElectronStub } from '@tests/stubs/electron';

const VALID = 'sas-console://recherche?origin=TEST-SAMU000&inseecode=47001&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54';
const BAD = 'sas-console://recherche?origin=TEST-SAMU000&inseecode=4700X';
const PLATFORM = 'https://sas.sante.fr/sas/recherche?origin=TEST-SAMU000&city=Agen';

/** The real pieces: the shared argv scanner and parser, and the LaunchQueue, delivered as main does. */
function setup() {
  let seq = 0;
  const announced: LaunchEvent[] = [];
  const queue = new LaunchQueue({
    parse: (input) => parseLaunch(input),
    now: () => new Date('2026-01-05T10:00:00Z'),
    newId: () => `launch-${++seq}`,
    onReady: (event) => announced.push(event),
  });
  let reveals = 0;
  const intake = new LaunchIntake({ findLaunchUrl, reveal: () => (reveals += 1) });
  return { queue, intake, announced, reveals: () => reveals };
}

beforeEach(() => resetElectronStub());

describe('launch URLs from argv', () => {
  it('cold start with a launch URL: queued until login, not lost', () => {
    const { queue, intake } = setup();
    expect(intake.fromArgv(['/opt/SAS Console/sas-console', VALID])).toBe(true);
    intake.deliverTo((url) => queue.receive(url));
    expect(queue.pendingCount()).toBe(1);
    expect(queue.take()).toEqual([]);
    queue.setLoggedIn(true);
    const [event] = queue.take();
    expect(event?.result).toMatchObject({
      ok: true,
      request: { via: 'console-scheme', location: { inseeCode: '47001' } },
    });
  });

  it('plain start (no launch URL) produces no launch and no error event', () => {
    const { queue, intake, announced } = setup();
    intake.deliverTo((url) => queue.receive(url));
    expect(intake.fromArgv(['/opt/SAS Console/sas-console'])).toBe(false);
    expect(intake.fromArgv(['electron', '.', '--inspect=0', '--enable-logging'])).toBe(false);
    expect(intake.fromArgv([])).toBe(false);
    expect(queue.take()).toEqual([]);
    expect(queue.pendingCount()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('Windows second instance: Chromium flags before the URL, the URL last', () => {
    const { queue, intake } = setup();
    intake.deliverTo((url) => queue.receive(url));
    const argv = [
      'C:\\Program Files\\SAS Console\\SAS Console.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13389912345678901',
      '--secure-schemes=app',
      PLATFORM,
    ];
    expect(intake.fromArgv(argv)).toBe(true);
    queue.setLoggedIn(true);
    expect(queue.take()[0]?.result).toMatchObject({
      ok: true,
      request: { via: 'platform-url', location: { city: 'Agen' } },
    });
  });

  it('Linux (.desktop %U): the executable then the URL', () => {
    const { queue, intake } = setup();
    intake.deliverTo((url) => queue.receive(url));
    expect(intake.fromArgv(['/opt/SAS Console/sas-console', '--no-sandbox', VALID])).toBe(true);
    expect(queue.pendingCount()).toBe(1);
  });

  it('a malformed launch is shown at once, even logged out, naming the parameter', () => {
    const { queue, intake, announced } = setup();
    intake.deliverTo((url) => queue.receive(url));
    intake.fromArgv(['sas-console', BAD]);
    expect(announced).toHaveLength(1);
    const [event] = queue.take();
    expect(event?.result.ok).toBe(false);
    if (event && !event.result.ok) {
      expect(event.result.errors[0]).toMatchObject({ code: 'invalid-insee-code', parameter: 'inseecode' });
      expect(event.result.errors[0]?.message).toMatch(/code INSEE invalide/u);
    }
  });
});

describe('app events', () => {
  it('macOS open-url before ready: held, then delivered in order once the services exist', () => {
    const { queue, intake, reveals } = setup();
    intake.listen(app as never);
    const first = fakeEvent();
    app.emit('open-url', first, VALID);
    app.emit('open-url', fakeEvent(), BAD);
    expect(first.defaultPrevented).toBe(true);
    expect(intake.waiting()).toBe(2);
    intake.deliverTo((url) => queue.receive(url));
    expect(intake.waiting()).toBe(0);
    const shown = queue.take();
    expect(shown.map((e) => e.result.ok)).toEqual([false]);
    expect(queue.pendingCount()).toBe(1);
    expect(reveals()).toBe(2);
  });

  it('macOS open-url after ready: straight to the queue, window revealed', () => {
    const { queue, intake, reveals } = setup();
    intake.listen(app as never);
    intake.deliverTo((url) => queue.receive(url));
    app.emit('open-url', fakeEvent(), PLATFORM);
    expect(queue.pendingCount()).toBe(1);
    expect(reveals()).toBe(1);
    app.emit('open-url', fakeEvent(), '   ');
    app.emit('open-url', fakeEvent(), 42);
    expect(queue.pendingCount()).toBe(1);
    expect(reveals()).toBe(1);
  });

  it('second-instance: the URL from its argv is queued and the window revealed; a plain second start only reveals', () => {
    const { queue, intake, reveals } = setup();
    intake.listen(app as never);
    intake.deliverTo((url) => queue.receive(url));
    app.emit(
      'second-instance',
      fakeEvent(),
      ['C:\\SAS\\SAS Console.exe', '--original-process-start-time=1', VALID],
      'C:\\',
      {},
    );
    expect(queue.pendingCount()).toBe(1);
    expect(reveals()).toBe(1);
    app.emit('second-instance', fakeEvent(), ['C:\\SAS\\SAS Console.exe'], 'C:\\', {});
    expect(queue.pendingCount()).toBe(1);
    expect(queue.take()).toEqual([]);
    expect(reveals()).toBe(2);
  });

  it('an LRM stuck in a loop before ready cannot grow memory without bound', () => {
    const { intake } = setup();
    for (let i = 0; i < 100; i += 1) intake.fromUrl(VALID);
    expect(intake.waiting()).toBeLessThanOrEqual(20);
  });
});
