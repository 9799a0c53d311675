import { describe, expect, it } from 'vitest';
import { benchImport } from '@tests/bench/directory/import-bench';

describe('import benchmark on a generated RPPS file', () => {
  it('reads every generated line and keeps only town-care professionals', async () => {
    const row = await benchImport(10_000, 'json');
    expect(row.lines).toBe(10_000);
    expect(row.kept).toBeGreaterThan(0);
    expect(row.kept).toBeLessThan(10_000 / 2);
    expect(row.linesPerSecond).toBeGreaterThan(0);
  });
});
