// The production path of the external allow-list: main asks `ExternalAllowList.allows` before any URL reaches the
// system browser. Look-alike links (userinfo, suffixes, ports, IDN, case, trailing dot, other schemes) are checked
// here, on the class main uses, with the identity provider and the publishers set as main sets them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExternalAllowList } from '@main/external-allow-list';

const PUBLISHER = 'https://publisher.example';
const IDP = 'http://127.0.0.1:4100';

function liveList(): ExternalAllowList {
  const list = new ExternalAllowList();
  expect(list.set('identity-provider', [IDP])).toEqual([]);
  expect(list.set('publishers', [`${PUBLISHER}/`, 'https://xn--mdecin-bva.example'])).toEqual([]);
  return list;
}

describe('ExternalAllowList.allows', () => {
  const list = liveList();

  it('opens pages on an allowed origin, whatever their path and query', () => {
    expect(list.allows(`${PUBLISHER}/rdv?slot=42#haut`)).toBe(true);
    expect(list.allows(`${PUBLISHER}:443/rdv`)).toBe(true);
    expect(list.allows(`${IDP}/authorize?client_id=console`)).toBe(true);
  });

  it('refuses userinfo, which puts the real host after the @', () => {
    expect(list.allows('https://publisher.example@evil.test/rdv')).toBe(false);
    expect(list.allows('https://publisher.example:443@evil.test/')).toBe(false);
    expect(list.allows('https://user:secret@publisher.example/rdv')).toBe(false);
    expect(list.allows('https://@publisher.example/rdv')).toBe(true); // an empty userinfo is no userinfo
  });

  it('refuses hosts that only start or end like an allowed one', () => {
    expect(list.allows('https://publisher.example.evil.com/rdv')).toBe(false);
    expect(list.allows('https://evilpublisher.example/rdv')).toBe(false);
    expect(list.allows('https://www.publisher.example/rdv')).toBe(false);
    expect(list.allows('https://publisher.exampl/rdv')).toBe(false);
    expect(list.allows('https://127.0.0.1.evil.test:4100/authorize')).toBe(false);
  });

  it('compares the port: another port is another origin', () => {
    expect(list.allows('https://publisher.example:8443/rdv')).toBe(false);
    expect(list.allows('http://127.0.0.1:4101/authorize')).toBe(false);
    expect(list.allows('http://127.0.0.1/authorize')).toBe(false);
  });

  it('compares the scheme: http is not https, and http only ever to loopback', () => {
    expect(list.allows('http://publisher.example/rdv')).toBe(false);
    expect(list.allows('https://127.0.0.1:4100/authorize')).toBe(false);
    const remoteHttp = new ExternalAllowList();
    expect(remoteHttp.set('publishers', ['http://publisher.example'])).toEqual(['http://publisher.example']);
    expect(remoteHttp.allows('http://publisher.example/rdv')).toBe(false);
  });

  it('reads hosts as the browser does: case folded, IDN as punycode, a trailing dot kept distinct', () => {
    expect(list.allows('https://PUBLISHER.Example/rdv')).toBe(true);
    expect(list.allows('HTTPS://publisher.example/rdv')).toBe(true);
    // médecin.example is xn--mdecin-bva.example: the Unicode spelling reaches the same origin, a look-alike does not.
    expect(list.allows('https://médecin.example/rdv')).toBe(true);
    expect(list.allows('https://xn--mdecin-bva.example/rdv')).toBe(true);
    expect(list.allows('https://medecin.example/rdv')).toBe(false);
    expect(list.allows('https://médecin.example.evil.test/rdv')).toBe(false);
    // Cyrillic "е" (U+0435) in place of the Latin e: another punycode host.
    expect(list.allows('https://publish\u0435r.example/rdv')).toBe(false);
    // `publisher.example.` resolves like `publisher.example` but is another origin for the browser: refused.
    expect(list.allows('https://publisher.example./rdv')).toBe(false);
  });

  it('refuses every other scheme and anything unparsable', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript://publisher.example/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      `data:text/html;base64,${btoa('<a href="https://publisher.example">')}`,
      'file:///etc/passwd',
      'blob:https://publisher.example/0b3f',
      'ftp://publisher.example/rdv',
      'sas-console://recherche?origin=x',
      '//publisher.example/rdv',
      'publisher.example/rdv',
      '',
      `${PUBLISHER}/?q=${'a'.repeat(9000)}`,
    ]) {
      expect(list.allows(url), url).toBe(false);
    }
  });

  it('forgets a source when it is replaced: a publisher dropped from the registry is no longer opened', () => {
    const live = liveList();
    live.set('publishers', []);
    expect(live.allows(`${PUBLISHER}/rdv`)).toBe(false);
    expect(live.allows(`${IDP}/authorize`)).toBe(true);
  });

  it('property: a host extended by any label, before or after, is never allowed', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (extra, path) => {
        expect(list.allows(`https://publisher.example.${extra}${path}`)).toBe(false);
        expect(list.allows(`https://${extra}.publisher.example${path}`)).toBe(false);
        expect(list.allows(`https://publisher.example@${extra}${path}`)).toBe(false);
      }),
    );
  });

  it('property: never throws, and allows only URLs whose origin is on the list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (url) => {
        const allowed = list.allows(url);
        if (allowed) expect([PUBLISHER, IDP, 'https://xn--mdecin-bva.example']).toContain(new URL(url).origin);
      }),
    );
  });
});
