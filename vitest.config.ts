import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'spec-tests/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
