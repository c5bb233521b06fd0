import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const optionalUrl = z
  .url({ protocol: /^(mongodb|mongodb\+srv|https?|redis|rediss)$/ })
  .optional()
  .or(z.literal('').transform(() => undefined));

/**
 * Every environment variable the server reads. `npm run docs:config` renders this schema as the README's
 * configuration table, so descriptions and defaults are written once, here.
 */
export const EnvSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('Runtime mode. `production` hides error internals and expects TLS in front (secure cookies).'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface the HTTP server binds to.'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port (0 picks a free one).'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum level of the JSON log lines written to stdout.'),
  DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe('Directory for the embedded services’ data and uploaded files.'),
  MONGODB_URI: optionalUrl.describe(
    'MongoDB connection string. Unset: the embedded MongoDB-compatible service is started under `DATA_DIR/mongo`.',
  ),
  MEILI_URL: optionalUrl.describe(
    'Meilisearch URL. Unset: the embedded Meilisearch-compatible service is started under `DATA_DIR/meili`.',
  ),
  MEILI_MASTER_KEY: z
    .string()
    .min(16, 'must be at least 16 bytes, as Meilisearch requires')
    .optional()
    .describe(
      'Meilisearch master key. Required with `MEILI_URL`; generated per start for the embedded service.',
    ),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,40}$/, 'letters, digits, - and _ only')
    .default('')
    .describe('Prefix of every index uid, so several deployments (or test runs) can share one Meilisearch.'),
  REDIS_URL: optionalUrl.describe(
    'Redis URL. Set it when several app nodes run: Socket.IO then fans out through Redis.',
  ),
  SEED_DEMO: z
    .enum(['auto', 'true', 'accounts', 'false'])
    .default('auto')
    .describe(
      'Seed the demo marketplace at start-up (bureau accounts on an empty database, then verified organisations with published achievements and needs; only what is missing is added). `auto`: only with the embedded services; `accounts`: only the bureau accounts (isolated browser tests). Demo passwords are random and printed once (and kept in `DATA_DIR/demo-credentials.txt`).',
    ),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'use a size such as 100kb or 1mb')
    .default('1mb')
    .describe('Largest accepted JSON request body.'),
  TRUST_PROXY: z
    .stringbool()
    .default(false)
    .describe('Trust `X-Forwarded-*` headers from a reverse proxy (set behind a load balancer).'),
  CLIENT_DIST: z
    .string()
    .default(path.join(repoRoot, 'client/dist'))
    .describe('Directory of the built web client served at `/`.'),
});

export type Config = Readonly<z.infer<typeof EnvSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once, reporting every bad variable at start-up rather than the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = result.data;
  if (config.MEILI_URL && !config.MEILI_MASTER_KEY) {
    throw new ConfigError(['MEILI_MASTER_KEY: required when MEILI_URL is set']);
  }
  return Object.freeze(config);
}
