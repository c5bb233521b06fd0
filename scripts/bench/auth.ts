// `npm run bench:auth`: sign-in throughput (argon2id cost is deliberate) and authenticated GET /api/me latency.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../server/src/config.js';
import { ARGON2_PARAMS, hashPassword, verifyPassword } from '../../server/src/modules/accounts/password.js';
import { startServer } from '../../server/src/server.js';
import { formatSummary, measure } from './load.js';

const USERS = 64;
const LOGINS = 256;
const ME_REQUESTS = 4000;
const PASSWORD = 'Bench-password-2026';

const server = await startServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-auth-')),
  }),
  pino({ level: 'silent' }),
);
const passwordHash = await hashPassword(PASSWORD);
await server.services.models.users.insertMany(
  Array.from({ length: USERS }, (_, i) => ({
    email: `bench${i}@example.cn`,
    passwordHash,
    name: `压测${i}`,
    role: 'firm',
  })),
);

const single = await measure(20, 1, () => verifyPassword(passwordHash, PASSWORD));
console.log(
  `argon2id m=${ARGON2_PARAMS.memoryCost} KiB, t=${ARGON2_PARAMS.timeCost}, p=${ARGON2_PARAMS.parallelism}: ` +
    `${single.p50.toFixed(1)} ms per verification (p50, one at a time)`,
);

const cookies: string[] = [];
const login = await measure(LOGINS, 8, async (i) => {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.0.${i % 250}.1` },
    body: JSON.stringify({ email: `bench${i % USERS}@example.cn`, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  cookies.push(res.headers.get('set-cookie')?.split(';')[0] ?? '');
});
console.log(formatSummary('POST /api/auth/login (concurrency 8)', login));

const me = await measure(ME_REQUESTS, 16, async (i) => {
  const res = await fetch(`${server.url}/api/me`, { headers: { cookie: cookies[i % cookies.length] ?? '' } });
  if (res.status !== 200) throw new Error(`GET /api/me failed: ${res.status}`);
  await res.arrayBuffer();
});
console.log(formatSummary('GET /api/me authenticated (concurrency 16)', me));
console.log(
  `ratio: one sign-in costs as much as ${(me.perSecond / login.perSecond).toFixed(0)} authenticated reads`,
);

await server.close();
