import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appResponseHeaders, resolveAppFile, serveAppProtocol } from '@main/app-protocol';
import { rendererContentSecurityPolicy } from '@services/content-security';
import { protocol, resetElectronStub, stub } from '@tests/stubs/electron';

let dir: string;
beforeEach(async () => {
  resetElectronStub();
  dir = await mkdtemp(join(tmpdir(), 'sas-renderer-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>SAS Console</title>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmpdir(), 'sas-outside.txt'), 'secret');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(join(tmpdir(), 'sas-outside.txt'), { force: true });
});

describe('app:// files', () => {
  it('resolves inside the renderer folder only', () => {
    expect(resolveAppFile('app://console/', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://console/assets/app.js?v=2', dir)).toBe(join(dir, 'assets', 'app.js'));
    // The URL parser already folds a plain `..` into the path: it stays inside the folder.
    expect(resolveAppFile('app://console/../sas-outside.txt', dir)).toBe(join(dir, 'sas-outside.txt'));
    expect(resolveAppFile('app://console/%2e%2e/sas-outside.txt', dir)).toBe(join(dir, 'sas-outside.txt'));
    // An encoded slash survives the parser; decoded, it would climb out: refused.
    for (const url of [
      'app://console/assets/..%2f..%2fsas-outside.txt',
      'app://console/%00',
      'app://console/%E0%A4%A',
      'app://other/index.html',
      'https://console/index.html',
    ]) {
      expect(resolveAppFile(url, dir), url).toBeUndefined();
    }
  });

  it('serves files with the strict CSP and no sniffing; refuses the rest', async () => {
    serveAppProtocol(protocol, dir, () => []);
    const handler = stub.protocolHandlers.get('app')!;
    const ok = await handler(new Request('app://console/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toBe(rendererContentSecurityPolicy([]));
    expect((await handler(new Request('app://console/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://console/assets/..%2f..%2fsas-outside.txt'))).status).toBe(404);
    expect((await handler(new Request('app://console/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('the CSP is strict: no inline or remote script, workers from blob: for maplibre, nothing framed', () => {
    const headers = appResponseHeaders('/x/index.html', []);
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/u);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Google's CSP evaluator (what Electronegativity runs on CSPs it can see) finds nothing serious.
    const require = createRequire(import.meta.url);
    const evaluator = require('@doyensec/csp-evaluator') as {
      CspParser: new (csp: string) => { csp: unknown };
      CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new evaluator.CspEvaluator(new evaluator.CspParser(csp).csp, evaluator.Version.CSP3).evaluate();
    const serious = findings.filter((f) => f.severity <= (evaluator.severities.HIGH_MAYBE ?? 40));
    expect(serious).toEqual([]);
  });
});
