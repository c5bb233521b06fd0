// `npm run bench:dashboard`: contract registration throughput, fan-out latency from a registration's response to
// 2,000 dashboard sockets, and the time and peak memory of importing 50,000 rows from Excel.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { todayInChina, type DashboardSnapshot } from '@techmatch/shared';
import { loadConfig } from '../../server/src/config.js';
import { hashPassword } from '../../server/src/modules/accounts/password.js';
import { startServer } from '../../server/src/server.js';
import { buildContractInput, registrationNumber } from '../../server/src/test/contract-factories.js';
import { writeImportFile } from '../../server/src/test/excel.js';
import { formatSummary, measure, percentile, residentMb } from './load.js';

const SOCKETS = 2000;
const REGISTRATIONS = 200;
const FANOUT_ROUNDS = 20;
const IMPORT_ROWS = 50_000;
const PASSWORD = 'Bench-password-2026';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-dashboard-'));
const server = await startServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir }),
  pino({ level: 'silent' }),
);
await server.services.models.users.create({
  email: 'bench-staff@example.cn',
  passwordHash: await hashPassword(PASSWORD),
  name: '登记员',
  role: 'staff',
});
const login = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'bench-staff@example.cn', password: PASSWORD }),
});
const { csrfToken } = (await login.json()) as { csrfToken: string };
const headers = {
  'Content-Type': 'application/json',
  cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
  'X-CSRF-Token': csrfToken,
};

async function call(pathname: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${server.url}/api${pathname}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

const year = Number(todayInChina().slice(0, 4));
/** Past the numbers of the import file, which counts from 1. */
let numbered = 0;
const draft = () =>
  call('/contracts', buildContractInput({ contractAmountFen: 1_000_00, techTransactionAmountFen: 800_00 }));
const register = (id: string) => {
  numbered += 1;
  return call(`/contracts/${id}/register`, {
    number: registrationNumber(year, 900_000 + numbered),
    date: `${year}-01-01`,
  });
};
/** Drafts and registers one contract; answers when the registration's response has arrived. */
const registerOne = async () => register((await draft()).id);

// Registration throughput: drafts first, then their registrations from 10 clients at once.
const drafts: string[] = [];
const drafting = await measure(REGISTRATIONS, 10, async () => drafts.push((await draft()).id));
console.log(formatSummary(`POST /contracts (draft, concurrency 10)`, drafting));
const registering = await measure(REGISTRATIONS, 10, (i) => register(drafts[i] ?? ''));
console.log(formatSummary(`POST /contracts/:id/register (concurrency 10)`, registering));

// Fan-out: 2,000 dashboard sockets; each round registers one contract and times its snapshot on every socket.
const arrivals: number[] = [];
let expectedCount = 0;
/** One dashboard watcher, resolved once it joined; it retries its connection as a browser would. */
async function watcher(): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], forceNew: true });
  socket.on('dashboard:snapshot', (snapshot: DashboardSnapshot) => {
    if (snapshot.statistics.contractCount === expectedCount) arrivals.push(performance.now());
  });
  await new Promise<void>((resolve) => socket.emit('dashboard:join', {}, () => resolve()));
  return socket;
}
const sockets: Socket[] = [];
while (sockets.length < SOCKETS) {
  const batch = Math.min(100, SOCKETS - sockets.length);
  sockets.push(...(await Promise.all(Array.from({ length: batch }, watcher))));
}
console.log(`${SOCKETS} dashboard sockets joined; resident memory ${residentMb().toFixed(0)} MB`);

const fanout: number[] = [];
expectedCount = REGISTRATIONS;
for (let round = 0; round < FANOUT_ROUNDS; round += 1) {
  arrivals.length = 0;
  expectedCount += 1;
  await registerOne();
  const responded = performance.now();
  const deadline = responded + 5000;
  while (arrivals.length < SOCKETS && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  if (arrivals.length < SOCKETS)
    throw new Error(`round ${round}: only ${arrivals.length} sockets got the update`);
  fanout.push(...arrivals.map((at) => Math.max(0, at - responded)));
}
fanout.sort((a, b) => a - b);
console.log(
  `fan-out to ${SOCKETS} sockets (${FANOUT_ROUNDS} registrations): ` +
    `p50 ${percentile(fanout, 50).toFixed(1)} ms   p99 ${percentile(fanout, 99).toFixed(1)} ms   ` +
    `max ${(fanout.at(-1) ?? 0).toFixed(1)} ms   (target p99 ≤ 250 ms)`,
);
sockets.forEach((socket) => socket.disconnect());

// Import: a streamed 50,000-row workbook, uploaded once; resident memory sampled while it runs.
const file = path.join(dataDir, 'import-50k.xlsx');
await writeImportFile(file, IMPORT_ROWS);
const form = new FormData();
form.append('file', new Blob([readFileSync(file)]), 'import-50k.xlsx');
const before = residentMb();
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, residentMb())), 50);
const started = performance.now();
const imported = await fetch(`${server.url}/api/contracts/import?mode=all_or_nothing`, {
  method: 'POST',
  headers: { cookie: headers.cookie, 'X-CSRF-Token': csrfToken },
  body: form,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const report = (await imported.json()) as { created?: number; error?: unknown };
if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(report).slice(0, 500)}`);
console.log(
  `import ${IMPORT_ROWS} rows: ${seconds.toFixed(1)} s (${(IMPORT_ROWS / seconds).toFixed(0)} rows/s), ` +
    `created ${report.created}; resident memory ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB ` +
    `(+${(peak - before).toFixed(0)} MB, app process; embedded MongoDB and Meilisearch are child processes)`,
);

await server.close();
