import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { pathAliases } from './scripts/path-aliases.ts';

// One config, four targets selected by `--mode`: the renderer (default), Electron main, the preload and the backend.
// Main and preload are bundled here too so the shared/ code they use ships as one file each.
const root = fileURLToPath(new URL('.', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function rendererConfig(): UserConfig {
  return {
    root: `${root}renderer`,
    base: './',
    // The offline base map's data (department outlines, commune centroids) is served from the one copy in
    // resources/geo/, which the backend reads too.
    publicDir: `${root}resources/geo`,
    plugins: [react()],
    resolve: { alias: pathAliases() },
    build: {
      outDir: `${root}dist/renderer`,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
      chunkSizeWarningLimit: 1200,
    },
    server: { host: '127.0.0.1' },
  };
}

function mainConfig(): UserConfig {
  return {
    resolve: { alias: pathAliases() },
    build: {
      outDir: `${root}dist/main`,
      emptyOutDir: true,
      target: 'node22',
      sourcemap: true,
      ssr: `${root}electron/main/main.ts`,
      rollupOptions: {
        // Dependencies stay in node_modules (packaged by electron-builder); only our code is bundled.
        external: ['electron', ...nodeBuiltins],
        output: { format: 'es', entryFileNames: 'main.js' },
      },
    },
  };
}

function preloadConfig(): UserConfig {
  return {
    resolve: { alias: pathAliases() },
    build: {
      outDir: `${root}dist/preload`,
      emptyOutDir: true,
      target: 'node22',
      sourcemap: false,
      // A sandboxed preload must be a single CommonJS file that requires nothing but `electron`.
      ssr: `${root}electron/preload/preload.ts`,
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: 'preload.cjs' },
      },
    },
    ssr: { noExternal: true },
  };
}

/**
 * The standalone backend as one ES module run by plain `node` (no tsx): our code is bundled, every npm package stays
 * external and must be a runtime dependency (tests/integration/deploy checks it). `dist/backend/server.js` sits at the
 * same depth as `backend/geo/index.ts`, so the shipped data in resources/ is found the same way from both.
 */
function backendConfig(): UserConfig {
  const runtimeDependencies = Object.keys(
    (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> }).dependencies,
  );
  const isRuntimeDependency = (id: string) =>
    runtimeDependencies.some((name) => id === name || id.startsWith(`${name}/`));
  return {
    resolve: { alias: pathAliases() },
    build: {
      outDir: `${root}dist/backend`,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      ssr: `${root}backend/server.ts`,
      rollupOptions: {
        external: (id) => nodeBuiltins.includes(id) || isRuntimeDependency(id),
        output: { format: 'es', entryFileNames: 'server.js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    // Anything not a runtime dependency (a dev dependency reached by mistake) is bundled rather than left to fail
    // at run time on a server installed with `npm ci --omit=dev`.
    ssr: { noExternal: true },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'backend') return backendConfig();
  if (mode === 'main') return mainConfig();
  if (mode === 'preload') return preloadConfig();
  return rendererConfig();
});
