// The path aliases (`@shared/…`, `@backend/…`) are declared once, in tsconfig.base.json; Vite and Vitest read them
// from there so the compiler and the bundlers cannot disagree. tsx and Playwright read tsconfig.json themselves.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

interface BaseConfig {
  compilerOptions: { paths: Record<string, string[]> };
}

/** `{ '@shared': '/abs/shared', … }`: Vite's alias form, where a key matches itself and `key/…`. */
export function pathAliases(): Record<string, string> {
  // tsconfig.base.json is kept free of comments so plain JSON.parse reads it.
  const base = JSON.parse(readFileSync(`${root}tsconfig.base.json`, 'utf8')) as BaseConfig;
  return Object.fromEntries(
    Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [
      alias.replace(/\/\*$/u, ''),
      `${root}${(target ?? '').replace(/^\.\//u, '').replace(/\/?\*$/u, '')}`,
    ]),
  );
}
