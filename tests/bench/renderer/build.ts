// The built renderer the renderer rows measure: `vite build` with the project's config, into the bench's own
// folder (dist/renderer may be in use by the end-to-end tests of someone else), and P7's bundle sizes from it.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { RowSpec } from '../lib/rows';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function buildRenderer(outDir: string): Promise<void> {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (${code}):\n${output.join('').slice(-4000)}`);
}

export const P7_INITIAL: RowSpec = {
  id: 'P7',
  title: 'renderer initial JS (gzip)',
  unit: 'KB',
  direction: 'at-most',
  targetRule: '≤ 250 KB',
  constantTarget: true,
};
export const P7_LAZY: RowSpec = {
  id: 'P7l',
  title: 'renderer lazy JS chunks (gzip, total)',
  unit: 'KB',
  direction: 'none',
  targetRule: 'none in issue 9',
};
export const INITIAL_BUDGET_KB = 250;

interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  initial: ChunkSize[];
  lazy: ChunkSize[];
}

const KB = 1000;
export const kilobytes = (bytes: number) => bytes / KB;

/** JS files a module statically imports (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/gu))
    if (match[1]) found.push(match[1]);
  return found;
}

/**
 * Initial JS: the entry script(s) of index.html, the chunks it preloads, and what they statically import, all
 * loaded before the first screen. Lazy: every other JS file (dynamic imports such as the map, the map's worker).
 */
export async function bundleSizes(dir: string): Promise<BundleSizes> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const refs = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/gu)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/gu)].map((m) => m[1]),
  ].flatMap((ref) => (ref ? [join(dir, ref)] : []));
  if (refs.length === 0) throw new Error('index.html has no module entry script');
  const initial = new Set<string>();
  const queue = [...refs];
  while (queue.length > 0) {
    const file = queue.shift();
    if (!file || initial.has(file)) continue;
    initial.add(file);
    const code = await readFile(file, 'utf8');
    for (const imported of staticImports(code)) queue.push(join(file, '..', imported));
  }
  const assets = await readdir(join(dir, 'assets'));
  const all = assets.filter((name) => name.endsWith('.js')).map((name) => join(dir, 'assets', name));
  const size = async (file: string): Promise<ChunkSize> => {
    const content = await readFile(file);
    return {
      file: file.slice(dir.length).replace(/^\/+/u, ''),
      bytes: content.length,
      gzipBytes: gzipSync(content).length,
    };
  };
  return {
    initial: await Promise.all([...initial].map(size)),
    lazy: await Promise.all(all.filter((file) => !initial.has(file)).map(size)),
  };
}
