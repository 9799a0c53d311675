import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppUrl } from '@main/app-origin';
import { createExternalOpener } from '@main/external-opener';
import {
  ExternalAllowList,
  externalOrigin,
  isAllowedExternal,
  normalizeAllowedOrigin,
} from '@main/external-allow-list';
import { decideWindowOpen, mayGrantPermission, mayNavigate, originForLog } from '@main/navigation-policy';
import { isLoopbackHost } from '@shared/util/loopback';
import { guardAllWebContents, guardWebContents, lockDownSession } from '@main/web-guards';
import { app, fakeEvent, FakeSession, FakeWebContents, resetElectronStub, shell, stub } from '@tests/stubs/electron';

const BOOKING = 'https://booking.publisher.example';

describe('the app origin', () => {
  it('accepts only app://console pages', () => {
    expect(isAppUrl('app://console/index.html')).toBe(true);
    expect(isAppUrl('app://console/')).toBe(true);
    expect(isAppUrl('app://console/assets/x.js?v=1#a')).toBe(true);
    for (const url of [
      'app://console.evil/',
      'app://console@evil/',
      'app://a@console/',
      'app://console:81/',
      'app://CONSOLE/',
      'https://console/',
      'file:///app/console/index.html',
      'about:blank',
      '',
      'pas une url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('stays on the app origin: every other destination is refused', () => {
    expect(mayNavigate('app://console/index.html')).toBe(true);
    for (const url of [
      BOOKING,
      'http://127.0.0.1:3000/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'app://other/',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('logs a refused destination by its origin only (the query may carry an address)', () => {
    expect(originForLog('https://sas.sante.fr/sas/recherche?streetname=rue%20de%20la%20Paix')).toBe(
      'https://sas.sante.fr',
    );
    expect(originForLog('sas-console://recherche?city=Agen')).toBe('sas-console:…');
    expect(originForLog('app://console/x?y')).toBe('app://console');
    expect(originForLog('%%%')).toBe('(URL illisible)');
  });

  it('never grants a permission, whatever it is and whoever asks', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
    ]) {
      expect(mayGrantPermission(permission, 'app://console/index.html')).toBe(false);
    }
  });

  it('never opens a second window; only allowed pages go to the system browser', () => {
    const allows = (url: string) => isAllowedExternal(url, [BOOKING]);
    expect(decideWindowOpen(`${BOOKING}/rdv?slot=1`, allows)).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('https://evil.test/', allows)).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('app://console/index.html', allows)).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('the external allow-list', () => {
  it('refuses a look-alike host that merely starts with an allowed origin', () => {
    expect(isAllowedExternal('https://booking.publisher.example.attacker.test/rdv', [BOOKING])).toBe(false);
    expect(isAllowedExternal('https://booking.publisher.example/rdv?slot=42', [BOOKING])).toBe(true);
  });

  it('compares scheme, host and port exactly', () => {
    const allowed = [BOOKING];
    expect(isAllowedExternal('https://booking.publisher.example:443/x', allowed)).toBe(true);
    expect(isAllowedExternal('https://BOOKING.publisher.example/x', allowed)).toBe(true);
    expect(isAllowedExternal('https://booking.publisher.example:8443/x', allowed)).toBe(false);
    expect(isAllowedExternal('http://booking.publisher.example/x', allowed)).toBe(false);
    expect(isAllowedExternal('https://evil.booking.publisher.example/x', allowed)).toBe(false);
    expect(isAllowedExternal('https://publisher.example/x', allowed)).toBe(false);
    expect(isAllowedExternal('https://booking.publisher.example./x', allowed)).toBe(false);
  });

  it('refuses userinfo, which hides the real host', () => {
    expect(isAllowedExternal('https://booking.publisher.example@attacker.test/', [BOOKING])).toBe(false);
    expect(isAllowedExternal('https://user:pw@booking.publisher.example/', [BOOKING])).toBe(false);
  });

  it('allows plain http only to loopback hosts', () => {
    expect(isAllowedExternal('http://127.0.0.1:4100/authorize', ['http://127.0.0.1:4100'])).toBe(true);
    expect(isAllowedExternal('http://[::1]:4100/authorize', ['http://[::1]:4100'])).toBe(true);
    expect(isAllowedExternal('http://idp.example/authorize', ['http://idp.example'])).toBe(false);
    expect(normalizeAllowedOrigin('http://idp.example')).toBeUndefined();
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.attacker.test')).toBe(false);
  });

  it('refuses other schemes and oversized or unparsable URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'sas-console://recherche',
      'ftp://booking.publisher.example/',
      'data:,x',
      '',
    ]) {
      expect(isAllowedExternal(url, [BOOKING]), url).toBe(false);
    }
    expect(isAllowedExternal(`${BOOKING}/?q=${'a'.repeat(9000)}`, [BOOKING])).toBe(false);
    expect(externalOrigin('https://')).toBeUndefined();
  });

  it('reads entries as bare origins; a path or query in an entry is refused, not widened', () => {
    expect(normalizeAllowedOrigin('https://booking.publisher.example/')).toBe(BOOKING);
    expect(normalizeAllowedOrigin(' https://booking.publisher.example ')).toBe(BOOKING);
    expect(normalizeAllowedOrigin('https://booking.publisher.example/rdv')).toBeUndefined();
    expect(normalizeAllowedOrigin('https://booking.publisher.example/?a=1')).toBeUndefined();
    expect(normalizeAllowedOrigin('booking.publisher.example')).toBeUndefined();
    expect(isAllowedExternal(`${BOOKING}/x`, ['https://booking.publisher.example/rdv'])).toBe(false);
  });

  it('property: a host extended by any label is never allowed by the shorter origin', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/u);
    fc.assert(
      fc.property(label, fc.webPath(), (extra, path) => {
        expect(isAllowedExternal(`https://booking.publisher.example.${extra}${path}`, [BOOKING])).toBe(false);
        expect(isAllowedExternal(`https://${extra}booking.publisher.example${path}`, [BOOKING])).toBe(false);
      }),
    );
  });

  it('property: any URL on an allowed origin is allowed, and its origin is what is compared', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (url) => {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) return;
        expect(isAllowedExternal(url, [parsed.origin])).toBe(url.length <= 8192);
        expect(isAllowedExternal(url, ['https://booking.publisher.example'])).toBe(parsed.origin === BOOKING);
      }),
    );
  });

  it('property: never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), (url, list) => {
        expect(typeof isAllowedExternal(url, list)).toBe('boolean');
        expect(typeof mayNavigate(url)).toBe('boolean');
      }),
    );
  });

  it('keeps each source whole, reports refused entries, and answers from all sources', () => {
    const list = new ExternalAllowList();
    expect(list.set('identity-provider', ['http://127.0.0.1:4100'])).toEqual([]);
    expect(list.set('publishers', [BOOKING, 'https://bad.example/path', 'http://remote.example'])).toEqual([
      'https://bad.example/path',
      'http://remote.example',
    ]);
    expect(list.allows('http://127.0.0.1:4100/authorize?x=1')).toBe(true);
    expect(list.allows(`${BOOKING}/rdv`)).toBe(true);
    expect(list.allows('https://bad.example/path')).toBe(false);
    list.set('publishers', []);
    expect(list.allows(`${BOOKING}/rdv`)).toBe(false);
    expect(list.origins()).toEqual(['http://127.0.0.1:4100']);
  });
});

describe('the system-browser opener', () => {
  beforeEach(() => resetElectronStub());

  it('opens allowed pages only, re-serialised', async () => {
    const lines: string[] = [];
    const open = createExternalOpener({
      allows: (url) => isAllowedExternal(url, [BOOKING]),
      shell,
      log: (l) => lines.push(l),
    });
    expect(await open('https://BOOKING.publisher.example/rdv?slot=1')).toBe(true);
    expect(await open('https://booking.publisher.example.attacker.test/rdv')).toBe(false);
    expect(stub.openedExternally).toEqual(['https://booking.publisher.example/rdv?slot=1']);
    expect(lines.join('\n')).toContain('https://booking.publisher.example.attacker.test');
    expect(lines.join('\n')).not.toContain('/rdv');
  });

  it('reports a system failure instead of throwing', async () => {
    const open = createExternalOpener({
      allows: () => true,
      shell: { openExternal: () => Promise.reject(new Error('no browser')) },
      log: () => {},
    });
    expect(await open(`${BOOKING}/x`)).toBe(false);
  });
});

describe('guards on webContents', () => {
  beforeEach(() => resetElectronStub());

  function guarded() {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    const lines: string[] = [];
    guardWebContents(contents as never, {
      allowsExternal: (url) => isAllowedExternal(url, [BOOKING]),
      openExternal: (url) => opened.push(url),
      log: (line) => lines.push(line),
    });
    return { contents, opened, lines };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: foreign origins are stopped, the app origin passes',
    (name) => {
      const { contents } = guarded();
      const foreign = fakeEvent({ url: `${BOOKING}/rdv` });
      contents.emit(name, foreign);
      expect(foreign.defaultPrevented).toBe(true);
      const own = fakeEvent({ url: 'app://console/index.html' });
      contents.emit(name, own);
      expect(own.defaultPrevented).toBe(false);
    },
  );

  it('window.open: always denied; an allowed page goes to the system browser, others nowhere', () => {
    const { contents, opened } = guarded();
    expect(contents.windowOpenHandler?.({ url: `${BOOKING}/rdv?slot=2` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://booking.publisher.example.attacker.test/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://console/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([`${BOOKING}/rdv?slot=2`]);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: false }, { src: 'https://evil.test' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards every webContents created, not only the first window', () => {
    guardAllWebContents(app as never, { allowsExternal: () => false, openExternal: () => {}, log: () => {} });
    const a = new FakeWebContents();
    const b = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), a);
    app.emit('web-contents-created', fakeEvent(), b);
    for (const contents of [a, b]) {
      expect(contents.windowOpenHandler).toBeDefined();
      const event = fakeEvent({ url: 'https://evil.test/' });
      contents.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('denies permission requests, checks and devices, and downloads', () => {
    const session = new FakeSession();
    lockDownSession(session as never, () => {});
    const answers: boolean[] = [];
    session.permissionRequestHandler?.(
      ...([
        {},
        'media',
        (granted: boolean) => answers.push(granted),
        { requestingUrl: 'app://console/index.html' },
      ] as never[]),
    );
    session.permissionRequestHandler?.(
      ...([
        {},
        'geolocation',
        (granted: boolean) => answers.push(granted),
        { requestingUrl: 'https://evil.test/' },
      ] as never[]),
    );
    expect(answers).toEqual([false, false]);
    expect(session.permissionCheckHandler?.(...([null, 'notifications', 'app://console'] as never[]))).toBe(false);
    expect(session.devicePermissionHandler?.(...([{ deviceType: 'usb' }] as never[]))).toBe(false);
    const download = fakeEvent();
    session.emit(
      'will-download',
      download,
      { getURL: () => 'https://evil.test/x.exe', getFilename: () => 'x.exe' },
      {},
    );
    expect(download.defaultPrevented).toBe(true);
  });

  it('lets only the journal CSV built by the app be saved (through the save dialog)', () => {
    const session = new FakeSession();
    lockDownSession(session as never, () => {});
    const item = (url: string, name: string) => ({ getURL: () => url, getFilename: () => name });
    const journal = fakeEvent();
    session.emit('will-download', journal, item('blob:app://console/2f1c-uuid', 'journal-sas-2026-11-27.csv'), {});
    expect(journal.defaultPrevented).toBe(false);
    for (const [url, name] of [
      ['blob:https://evil.test/abc', 'journal.csv'],
      ['blob:app://console/abc', 'journal.exe'],
      ['https://app://console/x.csv', 'x.csv'],
      ['blob:app://console.evil/abc', 'x.csv'],
      ['blob:app://console/abc', '../../x.csv'],
    ]) {
      const event = fakeEvent();
      session.emit('will-download', event, item(url!, name!), {});
      expect(event.defaultPrevented).toBe(true);
    }
  });
});
