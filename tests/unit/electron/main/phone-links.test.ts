import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePhoneSchemes, phoneLinkToOpen } from '@main/phone-links';
import { guardWebContents } from '@main/web-guards';
import { fakeEvent, FakeWebContents, resetElectronStub } from '@tests/stubs/electron';

describe('phone links', () => {
  it('hands tel: numbers to the OS, rebuilt from digits only', () => {
    expect(phoneLinkToOpen('tel:+33556000001', ['tel:'])).toBe('tel:+33556000001');
    expect(phoneLinkToOpen('tel:05%2056%2000%2000%2001', ['tel:'])).toBe('tel:0556000001');
    expect(phoneLinkToOpen('TEL:05.56.00.00.01', ['tel:'])).toBe('tel:0556000001');
  });

  it('only the allowed schemes, and only numbers or SIP addresses', () => {
    expect(phoneLinkToOpen('callto:0556000001', ['tel:'])).toBeUndefined();
    expect(phoneLinkToOpen('callto:0556000001', ['tel:', 'callto:'])).toBe('callto:0556000001');
    expect(phoneLinkToOpen('sip:regulation@sas.example', ['sip:'])).toBe('sip:regulation@sas.example');
    for (const hostile of [
      'tel:0556000001;phone-context=evil',
      'tel:--renderer-cmd-prefix=calc',
      'tel:javascript:alert(1)',
      'sip:a@b"c',
      'file:///etc/passwd',
      'https://evil.example/',
      'tel:%E0%A4%A',
      `tel:${'1'.repeat(400)}`,
    ]) {
      expect(phoneLinkToOpen(hostile, ['tel:', 'callto:', 'sip:']), hostile).toBeUndefined();
    }
  });

  it('reads the configured schemes; unknown entries ignored, default tel:', () => {
    expect(parsePhoneSchemes(undefined)).toEqual(['tel:']);
    expect(parsePhoneSchemes('')).toEqual(['tel:']);
    expect(parsePhoneSchemes('sip, CALLTO:, https, tel')).toEqual(['sip:', 'callto:', 'tel:']);
    expect(parsePhoneSchemes('https,file')).toEqual(['tel:']);
  });

  it('property: whatever the input, what reaches the OS is an allowed scheme and a plain number or SIP address', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('tel:', 'callto:', 'sip:', 'x:', ''),
        (rest, scheme) => {
          const link = phoneLinkToOpen(`${scheme}${rest}`, ['tel:', 'sip:']);
          if (link === undefined) return;
          expect(link).toMatch(/^(?:tel:\+?[0-9]{1,31}|sip:[\w.+-]+@[a-z0-9.-]+)$/iu);
        },
      ),
    );
  });
});

describe('guards: a phone link opens the softphone instead of being refused', () => {
  beforeEach(() => resetElectronStub());

  function guarded() {
    const contents = new FakeWebContents();
    const dialed: string[] = [];
    const lines: string[] = [];
    guardWebContents(contents as never, {
      allowsExternal: () => false,
      openExternal: () => {},
      log: (line) => lines.push(line),
      phoneSchemes: ['tel:'],
      openPhone: (link) => dialed.push(link),
    });
    return { contents, dialed, lines };
  }

  it('a click on a tel: link: no navigation, the number to the OS', () => {
    const { contents, dialed, lines } = guarded();
    const event = fakeEvent({ url: 'tel:+33556000001' });
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(dialed).toEqual(['tel:+33556000001']);
    expect(lines).toEqual([]);
    expect(contents.windowOpenHandler?.({ url: 'tel:0556000002' })).toEqual({ action: 'deny' });
    expect(dialed).toEqual(['tel:+33556000001', 'tel:0556000002']);
  });

  it('a scheme not allowed, or a redirect to tel:, is refused as before', () => {
    const { contents, dialed, lines } = guarded();
    const sip = fakeEvent({ url: 'sip:a@b.example' });
    contents.emit('will-navigate', sip);
    const redirect = fakeEvent({ url: 'tel:0556000001' });
    contents.emit('will-redirect', redirect);
    expect(sip.defaultPrevented && redirect.defaultPrevented).toBe(true);
    expect(dialed).toEqual([]);
    expect(lines).toHaveLength(2);
  });
});
