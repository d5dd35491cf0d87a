import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One PostgreSQL for the run; each test file creates its own database on it.
    globalSetup: ['./src/testing/global-setup.ts'],
  },
});
