import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSource = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
const alias = { '@techmatch/shared': sharedSource };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          // Each file starts its own stack, so files share nothing but loaded modules: importing the server
          // once per worker instead of once per file halves the run.
          isolate: false,
        },
      },
      './client/vitest.config.ts',
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The browser tests run beside the unit tests on two cores: a round trip and a re-render can take
          // longer than expect.poll's default second there.
          expect: { poll: { timeout: 5_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
