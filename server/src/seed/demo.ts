import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { seedBureauAccounts, type Credentials } from '../modules/accounts/bootstrap.js';
import type { Logger } from '../platform/logger.js';
import type { Services } from '../services.js';

export function demoSeedingEnabled(config: Config): boolean {
  if (config.SEED_DEMO === 'auto') return !config.MONGODB_URI;
  return config.SEED_DEMO === 'true';
}

function writeCredentialsFile(dataDir: string, accounts: Credentials[]): string {
  const file = path.resolve(dataDir, 'demo-credentials.txt');
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = accounts.map((a) => `${a.role}\t${a.email}\t${a.password}\t${a.name}`);
  writeFileSync(file, `# role\temail\tpassword\tname\n${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

/** Fills an empty database with demo data; a database that has any user is left untouched. */
export async function seedDemoIfEmpty(services: Services, config: Config, logger: Logger): Promise<void> {
  if ((await services.models.users.estimatedDocumentCount()) > 0) return;
  const accounts = await seedBureauAccounts(services.models.users);
  const file = writeCredentialsFile(config.DATA_DIR, accounts);
  logger.warn(
    { demoAccounts: accounts.map(({ role, email, password }) => ({ role, email, password })), file },
    'Demo mode: accounts created with these one-time passwords (also saved in the file above)',
  );
}
