import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/support/sequencer';

/** Test files that vi.mock a module. */
const MOCKING = ['tests/password-throttle.test.ts', 'tests/sign-in-limits.test.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    root: '.',
    // vitest leaves a core free by default, which on a 2-core machine runs the files one at a time;
    // the tests wait on disk, key derivation and child processes often enough to share both.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A second is vitest's default: on a loaded 2-core machine a password change alone can take it.
    expect: { poll: { timeout: 10_000 } },
    setupFiles: ['tests/support/test-kdf.ts'],
    globalSetup: ['tests/support/worker-bundles.mjs'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', ...MOCKING], environment: 'node', isolate: false } },
      // A module mock must not reach the files sharing a worker: these run each in a fresh one.
      { extends: true, test: { name: 'mocks', include: MOCKING, environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          isolate: false,
          setupFiles: ['tests/support/dom-setup.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
    ],
  },
});
