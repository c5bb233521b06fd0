import { MeiliError } from '../../errors.js';
import type { KeyStore } from '../../auth/keys.js';
import type { Route, RouteContext } from '../router.js';
import { ok } from '../router.js';
import { integerParam } from './params.js';

function keyStore(context: RouteContext): KeyStore {
  if (!context.instance.keys) {
    throw new MeiliError(
      'missing_master_key',
      'Meilisearch is running without a master key. To access this API endpoint, you must have set a master key at launch.',
    );
  }
  return context.instance.keys;
}

export const keyRoutes: Route[] = [
  {
    method: 'GET',
    path: '/keys',
    action: 'keys.get',
    handle: (c) =>
      ok(
        keyStore(c).list(
          integerParam(c.query, 'offset', 0, 'invalid_api_key_offset'),
          integerParam(c.query, 'limit', 20, 'invalid_api_key_limit'),
        ),
      ),
  },
  {
    method: 'GET',
    path: '/keys/:key',
    action: 'keys.get',
    handle: (c) => ok(keyStore(c).get(c.params.key!)),
  },
  {
    method: 'POST',
    path: '/keys',
    action: 'keys.create',
    handle: async (c) => ({ status: 201, body: keyStore(c).create(await c.json()) }),
  },
  {
    method: 'PATCH',
    path: '/keys/:key',
    action: 'keys.update',
    handle: async (c) => ok(keyStore(c).update(c.params.key!, await c.json())),
  },
  {
    method: 'DELETE',
    path: '/keys/:key',
    action: 'keys.delete',
    handle(c) {
      keyStore(c).delete(c.params.key!);
      return { status: 204 };
    },
  },
];
