import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { pathAliases } from './scripts/path-aliases.ts';

// The Electron binary cannot be downloaded on these machines: any runtime `import 'electron'` reached by a unit
// test resolves to a stub that records what main and preload ask of it.
const electronStub = fileURLToPath(new URL('./tests/stubs/electron.ts', import.meta.url));
const alias = { ...pathAliases(), electron: electronStub };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Servers on loopback: keep files apart so ports, databases and timings do not interfere.
          fileParallelism: false,
        },
      },
    ],
  },
});
