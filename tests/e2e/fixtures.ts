// The web harness started in-process for each test file: real console services, real bridge, built renderer.
import { mkdirSync } from 'node:fs';
import { test as base, type Page } from '@playwright/test';
import { startHarness, type Harness, type HarnessOptions } from '../../electron/harness/harness';

const SCREENSHOT_DIR = 'tests/e2e/screenshots';

export const test = base.extend<{ harness: Harness; harnessOptions: HarnessOptions }>({
  /** A spec may start the training stack differently (e.g. faulty publishers): `test.use({ harnessOptions })`. */
  harnessOptions: [{}, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    // The broker of the LRM link (started by the global set-up when none is given): the simulated LRMs receive the
    // appointments, as the training teaches.
    const lrmAmqpUrl = process.env['SAS_TEST_AMQP_URL'];
    const harness = await startHarness({
      ...harnessOptions,
      training: { ...(lrmAmqpUrl ? { lrmAmqpUrl } : {}), ...harnessOptions.training },
    });
    await use(harness);
    await harness.close();
  },
});

export { expect } from '@playwright/test';

/** Saves a full-page screenshot under tests/e2e/screenshots/ (look at them: they are the UI review). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: options.fullPage ?? true });
}
