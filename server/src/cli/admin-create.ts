// `npm run admin:create`: creates the first (or another) administrator, from ADMIN_EMAIL / ADMIN_NAME /
// ADMIN_PASSWORD or, when they are unset, from prompts. Works against MONGODB_URI or the embedded database.
import { createInterface } from 'node:readline/promises';
import { EmailSchema, PasswordSchema, localizeValidationMessage } from '@techmatch/shared';
import { loadConfig } from '../config.js';
import { createUserAccount } from '../modules/accounts/bootstrap.js';
import { userModel } from '../modules/accounts/user.model.js';
import { createLogger } from '../platform/logger.js';
import { openDatabase } from '../platform/open-database.js';

async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s) => process.stdout.write(s.includes(question) ? s : '');
  }
  const answer = await rl.question(question);
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer.trim();
}

async function readInput() {
  const email = process.env.ADMIN_EMAIL ?? (await ask('Admin e-mail: '));
  const name = process.env.ADMIN_NAME ?? (await ask('Admin name: '));
  const password = process.env.ADMIN_PASSWORD ?? (await ask('Password (min 10, letters and digits): ', true));
  return { email, name, password };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ LOG_LEVEL: 'warn' });
  const input = await readInput();
  const email = EmailSchema.safeParse(input.email);
  const password = PasswordSchema.safeParse(input.password);
  if (!email.success || !password.success || input.name.length < 2) {
    const problems = [
      ...(email.success ? [] : ['e-mail is not valid']),
      ...(password.success
        ? []
        : password.error.issues.map((i) => localizeValidationMessage(i.message, 'en'))),
      ...(input.name.length < 2 ? ['name must have at least 2 characters'] : []),
    ];
    process.stderr.write(`Cannot create the administrator:\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  const { db, close } = await openDatabase(config, logger);
  try {
    const users = userModel(db.connection);
    await users.init();
    if (await users.exists({ email: email.data })) {
      process.stderr.write(`A user with e-mail ${email.data} already exists.\n`);
      process.exitCode = 1;
      return;
    }
    await createUserAccount(users, {
      role: 'admin',
      email: email.data,
      name: input.name,
      password: password.data,
    });
    process.stdout.write(`Administrator ${email.data} created.\n`);
  } finally {
    await close();
  }
}

await main();
