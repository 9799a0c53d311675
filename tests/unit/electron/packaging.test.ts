import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import config, { electronFuses } from '@root/electron-builder';

// Packaging downloads Electron and cannot run here: the configuration's entries that matter are checked instead.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const builder = config as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  name: string;
  productName: string;
};

type Entry = Record<string, unknown>;
const section = (name: string) => builder[name] as Entry;

describe('electron-builder.ts', () => {
  it('names the app', () => {
    expect(builder.appId).toBe('fr.sante.sas.console');
    expect(builder.productName).toBe('SAS Console');
    expect(builder.productName).toBe(pkg.productName);
  });

  it('declares the sas-console protocol', () => {
    const protocols = builder.protocols as { name: string; schemes: string[] }[];
    expect(protocols.flatMap((p) => p.schemes)).toContain('sas-console');
  });

  it('Linux: the .desktop entry handles sas-console URLs and passes them on (%U)', () => {
    const linux = section('linux');
    expect(linux.mimeTypes).toContain('x-scheme-handler/sas-console');
    const entry = (linux.desktop as { entry: Entry }).entry;
    expect(String(entry.MimeType).split(';')).toContain('x-scheme-handler/sas-console');
    expect(String(entry.Exec)).toMatch(/ %U$/u);
  });

  it('Windows: NSIS with the include that registers sas-console at install time, and removes it at uninstall', () => {
    const win = section('win');
    const targets = [win.target].flat().map((t) => (typeof t === 'string' ? t : (t as Entry).target));
    expect(targets).toContain('nsis');
    const include = String(section('nsis').include);
    const file = join(root, include);
    expect(existsSync(file), include).toBe(true);
    const nsh = readFileSync(file, 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*Software\\Classes\\sas-console"\s+"URL Protocol"[\s\S]*!macroend/u);
    // The URL after `--`, where Chromium stops reading switches.
    expect(nsh).toMatch(/shell\\open\\command"\s+""\s+'"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" -- "%1"'/u);
    expect(nsh).toMatch(
      /!macro customUnInstall[\s\S]*DeleteRegKey SHCTX "Software\\Classes\\sas-console"[\s\S]*!macroend/u,
    );
  });

  it('sets every security fuse', () => {
    expect(section('electronFuses')).toBe(electronFuses);
    expect(electronFuses).toEqual({
      loadBrowserProcessSpecificV8Snapshot: false,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(builder.asar).toBe(true);
    // @ts-expect-error a fuse left out does not compile: each one is set on purpose.
    const missing: typeof electronFuses = { runAsNode: false };
    expect(missing).not.toEqual(electronFuses);
  });

  it('packs the built app (dist/**) and package.json, without source maps', () => {
    const files = builder.files as string[];
    expect(files).toContain('dist/**');
    expect(files).toContain('package.json');
    expect(files).toContain('!**/*.map');
  });
});

describe('package.json main', () => {
  it('is the file `vite build --mode main` writes', async () => {
    const config = await resolveConfig(
      { root, configFile: join(root, 'vite.config.ts'), mode: 'main', logLevel: 'silent' },
      'build',
    );
    const output = config.build.rollupOptions.output as { entryFileNames: string; format: string };
    const built = relative(root, join(config.build.outDir, output.entryFileNames)).split('\\').join('/');
    expect(built).toBe('dist/main/main.js');
    expect(pkg.main).toBe(built);
    // ESM main (package type module) bundled from electron/main/main.ts, Electron left to the runtime.
    expect(output.format).toBe('es');
    expect(String(config.build.ssr)).toMatch(/electron\/main\/main\.ts$/u);
    expect(config.build.rollupOptions.external).toEqual(expect.arrayContaining(['electron']));
  });
});
