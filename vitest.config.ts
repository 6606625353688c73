import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so that the crx plugin is never loaded in unit tests.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
  },
});
