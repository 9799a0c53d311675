import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { pathAliases } from './scripts/path-aliases.ts';

// One config, three targets selected by `--mode`: the renderer (default), Electron main and the preload.
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

export default defineConfig(({ mode }) => {
  if (mode === 'main') return mainConfig();
  if (mode === 'preload') return preloadConfig();
  return rendererConfig();
});
