import { defineConfig } from 'vitest/config';

const ALL = ['engine/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts'];
/**
 * Suites that load the machine on their own — browser tests (Chromium + the web host) and the
 * runtime's 1,000-order reliability runs. On 2 cores they time out when they share the CPU with
 * each other or with the rest, so they run after everything else, one file at a time.
 */
const HEAVY = ['test/e2e/**/*.test.ts', 'test/runtime/reliability.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    pool: 'forks',
    // Browser tests wait for the page with expect.poll; a busy 2-core machine needs more than 1 s.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: HEAVY, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: 'heavy', include: HEAVY, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
