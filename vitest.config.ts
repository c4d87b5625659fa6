import { defineConfig } from 'vitest/config';

// Native addons (koffi, Dawn) are safer in processes than in worker threads, and CI has 2 cores.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
