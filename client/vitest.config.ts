import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      name: 'client',
      root: fileRoot(),
      include: ['src/**/*.test.ts'],
      environment: 'happy-dom',
      // Tests restore what they change (the UI language), so files can share one loaded module graph.
      isolate: false,
    },
  }),
);

function fileRoot(): string {
  return new URL('.', import.meta.url).pathname;
}
