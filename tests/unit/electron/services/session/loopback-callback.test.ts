// The console's one-shot loopback redirect listener.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startLoopbackCallback } from '@services/session/loopback-callback';
import { callbackPage, sessionMessage } from '@services/session/messages';

/** A raw GET with a chosen Host header (fetch does not let tests forge it). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: host ? { host } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('loopback callback listener', () => {
  it('listens on 127.0.0.1 with an ephemeral port and a /callback path', async () => {
    const listener = await startLoopbackCallback();
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/u);
    listener.close();
  });

  it('takes exactly one callback, answers once the login is settled, then closes', async () => {
    const listener = await startLoopbackCallback();
    const origin = new URL(listener.redirectUri).origin;
    // Stray requests do not consume the callback.
    expect((await get(`${origin}/favicon.ico`)).status).toBe(404);
    const pending = get(`${listener.redirectUri}?code=abc&state=xyz`);
    const received = await listener.received;
    expect(received.url.searchParams.get('code')).toBe('abc');
    received.answer({ ok: true });
    const page = await pending;
    expect(page.status).toBe(200);
    expect(page.body).toContain('Connexion réussie, vous pouvez revenir à la console.');
    await expect(get(`${listener.redirectUri}?code=again`)).rejects.toThrow();
  });

  it('shows the French refusal when the login failed', async () => {
    const listener = await startLoopbackCallback();
    const pending = get(`${listener.redirectUri}?error=access_denied`);
    (await listener.received).answer({ ok: false, message: sessionMessage('denied', 'regulator_unknown') });
    const page = await pending;
    expect(page.status).toBe(400);
    expect(page.body).toContain('n’est pas enregistré comme régulateur du SAS');
  });

  it('ignores requests for another host name (DNS rebinding)', async () => {
    const listener = await startLoopbackCallback();
    expect((await get(`${listener.redirectUri}?code=abc`, 'evil.example')).status).toBe(421);
    listener.close();
    await expect(listener.received).rejects.toThrow('listener closed');
  });
});

describe('session messages', () => {
  it('words provider denials, with a generic fallback', () => {
    expect(sessionMessage('denied', 'regulator_inactive')).toBe('Accès refusé : votre accès au SAS a été retiré.');
    expect(sessionMessage('denied', 'something_else')).toBe('Connexion refusée par le serveur SAS.');
    expect(sessionMessage('timeout')).toContain('Délai de connexion dépassé');
  });

  it('escapes the message on the callback page', () => {
    const html = callbackPage({ ok: false, message: '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('lang="fr"');
  });
});
