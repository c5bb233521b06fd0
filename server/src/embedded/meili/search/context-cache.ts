import type { IndexEngine } from '../engine/index-engine.js';
import { SearchContext } from './context.js';

const contexts = new WeakMap<IndexEngine, SearchContext>();

/** The index's search context, rebuilt after each commit (settings or documents changed). */
export function contextFor(engine: IndexEngine): SearchContext {
  let context = contexts.get(engine);
  if (!context || context.version !== engine.version) {
    context = new SearchContext(engine, engine.version);
    contexts.set(engine, context);
  }
  return context;
}
