/**
 * Tells a load whether it is still the newest of its series. Filters, switches and reloads start loads that can
 * answer out of order; only the newest one may show its answer, its error and the end of loading.
 */
export function newestOf(): () => () => boolean {
  let newest = 0;
  return () => {
    const ticket = ++newest;
    return () => ticket === newest;
  };
}
