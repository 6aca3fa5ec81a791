import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // Browser tests wait for the page with expect.poll; a busy 2-core machine needs more than 1 s.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
