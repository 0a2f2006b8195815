import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code they test. Browser end-to-end tests have
// their own config (vitest.e2e.config.ts) because they need the built station and Chromium.
export default defineConfig({
  test: {
    include: [
      'src-*/**/*.test.ts',
      'src-*/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.ts'],
  },
});
