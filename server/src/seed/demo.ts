import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { seedBureauAccounts, type Credentials } from '../modules/accounts/bootstrap.js';
import type { UserDoc } from '../modules/accounts/user.model.js';
import type { Logger } from '../platform/logger.js';
import type { Services } from '../services.js';
import { marketplaceSeeder, SHOWCASE_ACCOUNTS } from './demo-marketplace.js';

export function demoSeedingEnabled(config: Config): boolean {
  if (config.SEED_DEMO === 'auto') return !config.MONGODB_URI;
  return config.SEED_DEMO !== 'false';
}

function writeCredentialsFile(dataDir: string, accounts: Credentials[]): string {
  const file = path.resolve(dataDir, 'demo-credentials.txt');
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = accounts.map((a) => `${a.role}\t${a.email}\t${a.password}\t${a.name}`);
  writeFileSync(file, `# role\temail\tpassword\tname\n${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

/** The bureau member who reviews the demo organisations and listings: the oldest staff account. */
async function demoReviewer(services: Services): Promise<UserDoc | null> {
  return services.models.users
    .findOne({ role: { $in: ['staff', 'admin'] } })
    .sort({ role: -1, createdAt: 1 })
    .lean<UserDoc>();
}

/**
 * Demo data: the bureau's accounts on an empty database, then the demo marketplace (organisations, members,
 * published listings), which only adds what is missing, so a restart duplicates nothing.
 */
export async function seedDemo(services: Services, config: Config, logger: Logger): Promise<void> {
  const started = Date.now();
  const bureau =
    (await services.models.users.estimatedDocumentCount()) === 0
      ? await seedBureauAccounts(services.models.users)
      : [];
  const reviewer = await demoReviewer(services);
  if (!reviewer) {
    logger.warn('Demo mode: no staff account to review the demo listings; the marketplace is not seeded');
    return;
  }
  const marketplace =
    config.SEED_DEMO === 'accounts'
      ? { achievements: 0, needs: 0, created: [] }
      : await marketplaceSeeder(services, reviewer).seed();
  logger.info(
    { achievements: marketplace.achievements, needs: marketplace.needs, ms: Date.now() - started },
    'Demo mode: marketplace seeded',
  );
  const accounts = [...bureau, ...marketplace.created];
  if (accounts.length === 0) return;
  const file = writeCredentialsFile(config.DATA_DIR, accounts);
  const shown = [...bureau, ...marketplace.created.filter((a) => SHOWCASE_ACCOUNTS.includes(a.email))];
  logger.warn(
    {
      demoAccounts: shown.map(({ role, email, password }) => ({ role, email, password })),
      otherOrganisationAccounts: accounts.length - shown.length,
      file,
    },
    'Demo mode: accounts created with these one-time passwords (all of them are in the file above)',
  );
}
