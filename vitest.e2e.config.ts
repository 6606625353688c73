import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers against the built extension: one file at a time, since two
// browsers at once on a 2-core machine make timing-sensitive hover tests flaky.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
