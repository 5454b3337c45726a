import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    root: '.',
    // vitest leaves a core free by default, which on a 2-core machine runs the files one at a time;
    // the tests wait on disk, key derivation and child processes often enough to share both.
    maxWorkers: availableParallelism(),
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['tests/support/test-kdf.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['tests/support/dom-setup.ts'] },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
