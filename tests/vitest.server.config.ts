/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

// Security and reliability suites: they start the built server (run after `astro build`) in child processes.
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts', 'tests/security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
