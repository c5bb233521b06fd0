import { afterAll, beforeAll } from 'vitest';
import { startStack, type AppStack, type StackOptions } from '../stack.js';

export { silentLogger, stackConfig as testConfig, startStack as startTestStack } from '../stack.js';
export type { AppStack as TestStack, StackOptions as TestStackOptions } from '../stack.js';

/**
 * One stack per test file: started before its first test, closed after its last. The returned object stands
 * for the stack and may be used in tests and hooks once it has started.
 */
export function useTestStack(options: StackOptions = {}): AppStack {
  let started: AppStack | null = null;
  beforeAll(async () => {
    started = await startStack(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as AppStack, {
    get(_target, property) {
      if (!started) throw new Error('the test stack is used before beforeAll started it');
      return started[property as keyof AppStack];
    },
  });
}
