// The layers of docs/design.md §3 are enforced by the lint, with the project's real ESLint config.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The real config, less type information: the snippets linted here are in no TypeScript project, and the boundary
// rules read only the import statements.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'sas/boundaries' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('lint boundaries', () => {
  it('fails a Node import in shared/', async () => {
    const errors = await boundaryErrors(
      'shared/domain/bad.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(errors).toEqual([expect.stringContaining('must not import Node module "node:fs"')]);
  });

  it('fails bare Node builtins and electron (even types) in shared/', async () => {
    expect(await boundaryErrors('shared/x.ts', "import path from 'path';\nexport const p = path;\n")).toHaveLength(1);
    expect(
      await boundaryErrors('shared/x.ts', "import type { App } from 'electron';\nexport type A = App;\n"),
    ).toHaveLength(1);
  });

  it('fails DOM and Node globals in shared/', async () => {
    const errors = await boundaryErrors(
      'shared/x.ts',
      'export const a = () => window.location.href + process.env.X;\n',
    );
    expect(errors).toHaveLength(2);
  });

  it('fails a relative import from shared/ into another layer', async () => {
    const errors = await boundaryErrors('shared/x.ts', "import { y } from '../backend/y';\nexport const x = y;\n");
    expect(errors).toEqual([expect.stringContaining('resolves to backend/y')]);
  });

  it('keeps the renderer to renderer/ and shared/', async () => {
    expect(
      await boundaryErrors('renderer/app/x.ts', "import { y } from '../../shared/domain';\nexport const x = y;\n"),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'renderer/app/x.ts',
        "import { y } from '../../electron/services/y';\nexport const x = y;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'renderer/app/x.ts',
        "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
      ),
    ).toHaveLength(1);
  });

  it('allows runtime electron only in main and preload', async () => {
    const runtime = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await boundaryErrors('electron/main/x.ts', runtime)).toEqual([]);
    expect(await boundaryErrors('electron/preload/x.ts', runtime)).toEqual([]);
    expect(await boundaryErrors('electron/services/x.ts', runtime)).toHaveLength(1);
    expect(await boundaryErrors('backend/x.ts', runtime)).toHaveLength(1);
    expect(await boundaryErrors('backend/x.ts', "const e = require('electron');\nexport default e;\n")).toHaveLength(1);
    expect(
      await boundaryErrors('electron/services/x.ts', "import type { App } from 'electron';\nexport type A = App;\n"),
    ).toEqual([]);
  });
});

describe('layer crossings', () => {
  const use = (specifier: string) => `import { y } from '${specifier}';\nexport const x = y;\n`;

  it('fails the backend importing the Electron shell, relatively or by alias', async () => {
    expect(await boundaryErrors('backend/x.ts', use('../electron/main/shell'))).toEqual([
      expect.stringContaining('resolves to electron/main/shell'),
    ]);
    expect(await boundaryErrors('backend/x.ts', use('@main/shell'))).toEqual([
      expect.stringContaining('resolves to electron/main/shell'),
    ]);
    expect(
      await boundaryErrors('backend/x.ts', "import type { App } from 'electron';\nexport type A = App;\n"),
    ).toHaveLength(1);
  });

  it('fails the console services importing the backend', async () => {
    expect(await boundaryErrors('electron/services/x.ts', use('../../backend/app'))).toEqual([
      expect.stringContaining('resolves to backend/app'),
    ]);
    expect(await boundaryErrors('electron/services/x.ts', use('@backend/app'))).toHaveLength(1);
    expect(await boundaryErrors('electron/services/x.ts', use('@main/shell'))).toHaveLength(1);
    expect(await boundaryErrors('electron/services/x.ts', use('@shared/domain/offer'))).toEqual([]);
  });

  it('fails shared/ importing a server package', async () => {
    expect(await boundaryErrors('shared/x.ts', use('pg'))).toEqual([expect.stringContaining('"pg" (node package)')]);
    expect(await boundaryErrors('shared/x.ts', use('react'))).toEqual([
      expect.stringContaining('"react" (dom package)'),
    ]);
    expect(await boundaryErrors('shared/x.ts', use('zod'))).toEqual([]);
    expect(
      await boundaryErrors('shared/x.ts', "import type { Slot } from 'fhir/r4';\nexport type S = Slot;\n"),
    ).toEqual([]);
  });

  it('fails the renderer importing openid-client or pg', async () => {
    expect(await boundaryErrors('renderer/app/x.ts', use('openid-client'))).toEqual([
      expect.stringContaining('"openid-client" (node package)'),
    ]);
    expect(await boundaryErrors('renderer/app/x.ts', use('pg'))).toHaveLength(1);
    expect(await boundaryErrors('renderer/app/x.ts', use('@backend/app'))).toHaveLength(1);
    expect(await boundaryErrors('renderer/app/x.ts', use('maplibre-gl'))).toEqual([]);
  });

  it('fails an unclassified package anywhere, tests included', async () => {
    expect(await boundaryErrors('backend/x.ts', use('left-pad'))).toEqual([
      expect.stringContaining('"left-pad" is not classified'),
    ]);
    expect(await boundaryErrors('tests/unit/x.test.ts', use('@scope/unknown/sub'))).toEqual([
      expect.stringContaining('"@scope/unknown" is not classified'),
    ]);
  });

  it('keeps main to the training entry of the backend, and electron-store to main', async () => {
    expect(await boundaryErrors('electron/main/x.ts', use('@backend/training/environment'))).toEqual([]);
    expect(await boundaryErrors('electron/main/x.ts', use('../../backend/app'))).toHaveLength(1);
    expect(await boundaryErrors('electron/main/x.ts', use('electron-store'))).toEqual([]);
    expect(await boundaryErrors('electron/services/x.ts', use('electron-store'))).toHaveLength(1);
  });

  it('lets the harness embed the backend, and keeps cli/ to shared/', async () => {
    expect(await boundaryErrors('electron/harness/x.ts', use('@backend/training/environment'))).toEqual([]);
    expect(await boundaryErrors('electron/harness/x.ts', use('@main/shell'))).toHaveLength(1);
    expect(await boundaryErrors('cli/x.ts', use('@shared/launch/parse-launch'))).toEqual([]);
    expect(await boundaryErrors('cli/x.ts', use('@backend/app'))).toHaveLength(1);
    expect(await boundaryErrors('scripts/x.ts', use('@backend/geo/index'))).toEqual([]);
  });
});

describe('dependency classes', () => {
  it('classifies every dependency of package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<
      'dependencies' | 'devDependencies',
      Record<string, string>
    >;
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    // A type package is imported under the name it describes (@types/fhir → fhir).
    const imported = declared.map((name) =>
      name.replace(/^@types\/(.+?)(?:__(.+))?$/u, (_m, a: string, b?: string) => (b ? `@${a}/${b}` : a)),
    );
    const code = imported.map((name) => `import '${name}';`).join('\n');
    const errors = await boundaryErrors('tests/unit/x.test.ts', code);
    expect(imported.length).toBeGreaterThan(30);
    expect(errors.filter((e) => e.includes('not classified'))).toEqual([]);
  });
});

describe('deep relative imports', () => {
  async function deepErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'sas/no-deep-relative-imports').map((m) => m.message);
  }

  it('fails three ../ and names the alias to use; two are fine', async () => {
    expect(
      await deepErrors('tests/unit/backend/geo/x.test.ts', "export { y } from '../../../../backend/geo/y';\n"),
    ).toEqual([expect.stringContaining('import "@backend/geo/y" instead')]);
    expect(await deepErrors('renderer/search/bar/x.ts', "export { y } from '../../app/y';\n")).toEqual([]);
  });
});
