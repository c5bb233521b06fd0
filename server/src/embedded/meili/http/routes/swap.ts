import { MeiliError, invalidType } from '../../errors.js';
import { assertIndexUid } from '../../indexes.js';
import { isRecord } from '../../settings/validators.js';
import type { Swap } from '../../tasks/task.js';
import { summarize } from '../../tasks/task.js';
import type { Route } from '../router.js';
import { accepted } from '../router.js';

function parseSwaps(body: unknown): Swap[] {
  if (!Array.isArray(body)) throw invalidType('bad_request', '', 'an array', body);
  const seen = new Set<string>();
  return body.map((entry, index) => {
    if (!isRecord(entry) || !Array.isArray(entry.indexes))
      throw invalidType('invalid_swap_indexes', `[${index}].indexes`, 'an array', entry);
    if (entry.indexes.length !== 2) {
      throw new MeiliError(
        'invalid_swap_indexes',
        `Two indexes must be given for each swap. The list \`${JSON.stringify(entry.indexes)}\` contains ${entry.indexes.length} indexes.`,
      );
    }
    for (const uid of entry.indexes) {
      assertIndexUid(uid);
      if (seen.has(uid)) {
        throw new MeiliError(
          'invalid_swap_duplicate_index_found',
          `Indexes must be declared only once during a swap. \`${uid}\` was specified several times.`,
        );
      }
      seen.add(uid);
    }
    return { indexes: entry.indexes as [string, string], rename: entry.rename === true };
  });
}

export const swapRoutes: Route[] = [
  {
    method: 'POST',
    path: '/swap-indexes',
    action: 'indexes.swap',
    async handle(context) {
      const swaps = parseSwaps(await context.json());
      if (!swaps.every((swap) => swap.indexes.every((uid) => context.caller.allowsIndex(uid)))) {
        throw new MeiliError('invalid_api_key', 'The provided API key is invalid.');
      }
      const details = { swaps: swaps.map((swap) => ({ indexes: swap.indexes, rename: swap.rename })) };
      return accepted(
        summarize(context.instance.enqueue('indexSwap', null, details, { kind: 'swapIndexes', swaps })),
      );
    },
  },
];
