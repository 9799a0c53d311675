import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Electron binary cannot be downloaded on these machines: any runtime `import 'electron'` reached by a unit
// test resolves to a stub that records what main and preload ask of it.
const electronStub = fileURLToPath(new URL('./tests/stubs/electron.ts', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { electron: electronStub } },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias: { electron: electronStub } },
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
