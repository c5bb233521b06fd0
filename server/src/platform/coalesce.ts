/**
 * Wraps an expensive computation per key so that every call resolves with a result computed after the call
 * began, while calls arriving during a run share one follow-up run. A burst of N changes thus costs at most
 * two computations in flight instead of N, and nobody is ever answered with a result older than their call.
 */
export function coalesce<K, V>(task: (key: K) => Promise<V>): (key: K) => Promise<V> {
  interface State {
    current: Promise<V> | null;
    queued: Promise<V> | null;
  }
  const states = new Map<K, State>();
  const ignore = () => undefined;

  function launch(key: K, state: State): Promise<V> {
    const run: Promise<V> = task(key).finally(() => {
      if (state.current !== run) return;
      state.current = null;
      if (!state.queued) states.delete(key);
    });
    state.current = run;
    return run;
  }

  return (key: K) => {
    let state = states.get(key);
    if (!state) {
      state = { current: null, queued: null };
      states.set(key, state);
    }
    const { current } = state;
    if (!current) return launch(key, state);
    const s = state;
    s.queued ??= current.then(ignore, ignore).then(() => {
      s.queued = null;
      return launch(key, s);
    });
    return s.queued;
  };
}
