// `npm run bench:realtime`: inquiry message round trip (sender → the other participant) with 1,000 connected
// sockets in 500 inquiry rooms, and the server's memory per connected socket. The server runs in a child process
// (as in production, its event loop is not shared with the 1,000 clients); its setup goes through the services.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientToServerEvents, InquiryMessage, ServerToClientEvents } from '@techmatch/shared';
import type { Types } from 'mongoose';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { loadConfig } from '../../server/src/config.js';
import type { RequestContext } from '../../server/src/platform/auth/actor.js';
import { startServer } from '../../server/src/server.js';
import type { Services } from '../../server/src/services.js';
import { buildAchievementInput, validCreditCode } from '../../server/src/test/factories.js';
import { formatSummary, measure, paced } from './load.js';

const ROOMS = 500;
const WARMUP_MESSAGES = 200;
/** A lively afternoon: each of the 500 rooms gets a message every 20 s. */
const MESSAGES_PER_SECOND = 25;
const MESSAGES = 1500;
/** Then as fast as the server goes, to show its ceiling. */
const SATURATION_MESSAGES = 1000;
const IN_FLIGHT = 20;
const CONNECT_BATCH = 50;
const TARGET_P99_MS = 100;
const DELIVERY_TIMEOUT_MS = 15_000;

/** One inquiry room and the session tokens of its two participants. */
interface Room {
  inquiryId: string;
  initiator: string;
  owner: string;
}

type FromServer =
  | { type: 'ready'; url: string; rooms: Room[] }
  | { type: 'memory'; rss: number; heapUsed: number; external: number };
type ToServer = { type: 'memory' } | { type: 'stop' };
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/* ---------- the server process ---------- */

/** Maps `items` through `task`, a few at a time (the embedded database serialises writes anyway), in order. */
async function inBatches<T, R>(items: T[], task: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += 8) {
    const batch = items.slice(start, start + 8);
    results.push(...(await Promise.all(batch.map((item, j) => task(item, start + j)))));
  }
  return results;
}

interface Member {
  token: string;
  ctx: RequestContext;
}

async function seedRooms(services: Services): Promise<Room[]> {
  const { organisations, users } = services.models;
  const organisation = (kind: 'university' | 'firm', n: number) =>
    organisations.create({
      name: kind === 'firm' ? '压测企业' : '压测大学',
      kind,
      creditCode: validCreditCode(n),
      county: '右江区',
      contactName: '联系人',
      contactPhone: '0776-2812345',
      contactEmail: `${kind}@bench.example.cn`,
      verification: { status: 'verified' },
    });
  const [university, firm] = await Promise.all([organisation('university', 1), organisation('firm', 2)]);

  /** A user with a session of their own (created directly: nobody signs in with a password here). */
  async function member(
    role: 'researcher' | 'firm' | 'staff',
    i: number,
    organisationId: Types.ObjectId | null,
  ) {
    const user = await users.create({
      email: `${role}${i}@bench.example.cn`,
      passwordHash: 'unused',
      name: `${role}${i}`,
      role,
      organisationId,
      membership: 'active',
    });
    const { token } = await services.sessions.create(user._id, { ip: null, userAgent: 'bench' });
    const actor = (await services.sessions.resolve(token))?.actor ?? null;
    return { token, ctx: { actor, requestId: null, ip: null } } satisfies Member;
  }
  const indexes = Array.from({ length: ROOMS }, (_, i) => i);
  const staff = await member('staff', 0, null);
  const researchers = await inBatches(indexes, (i) => member('researcher', i, university._id));
  const askers = await inBatches(indexes, (i) => member('firm', i, firm._id));

  return inBatches(researchers, async (researcher, i) => {
    const asker = askers[i] as Member;
    const listing = await services.achievements.create(
      researcher.ctx,
      buildAchievementInput({ title: `赤泥低温脱碱与建材化利用技术（${i + 1}）` }),
    );
    await services.achievements.submit(researcher.ctx, listing.id);
    await services.achievements.review(staff.ctx, listing.id, { decision: 'published', reason: '' });
    const inquiry = await services.inquiries.open(asker.ctx, {
      listingType: 'achievement',
      listingId: listing.id,
      message: '您好，想了解该成果的许可方式。',
    });
    await services.inquiries.decide(researcher.ctx, inquiry.id, { decision: 'accept', reason: '' });
    return { inquiryId: inquiry.id, initiator: asker.token, owner: researcher.token };
  });
}

/** Lets the work the seeding set off (indexing, match jobs) finish, so that it is not measured with the sockets. */
async function settle(services: Services): Promise<void> {
  await services.searchSync.drain();
  while ((await services.jobs.drain()) > 0);
  await services.searchSync.drain();
}

async function runServer(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-realtime-'));
  const logger = pino({ level: 'silent' });
  const config = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir };
  const server = await startServer(loadConfig(config), logger);
  const tell = (message: FromServer) => process.send?.(message);
  const rooms = await seedRooms(server.services);
  await settle(server.services);
  tell({ type: 'ready', url: server.url, rooms });
  process.on('message', (message: ToServer) => {
    if (message.type === 'memory') {
      // Two full collections: the first may only promote what the second frees.
      globalThis.gc?.();
      globalThis.gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      tell({ type: 'memory', rss, heapUsed, external });
      return;
    }
    void server.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

/* ---------- the client process ---------- */

function nextMessage<T extends FromServer['type']>(child: ChildProcess, type: T) {
  return new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as Extract<FromServer, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
  });
}

async function serverMemory(child: ChildProcess) {
  const answer = nextMessage(child, 'memory');
  child.send({ type: 'memory' } satisfies ToServer);
  return answer;
}

/** Resolvers of the messages on their way, by client id: settled when the other participant receives it. */
const awaited = new Map<string, () => void>();

async function connect(url: string, token: string, inquiryId: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: `tm_session=${token}` },
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('system:welcome', () => resolve());
    socket.once('connect_error', reject);
  });
  const joined = await socket.emitWithAck('inquiry:join', { inquiryId });
  if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
  socket.on('inquiry:message', (message: InquiryMessage) => awaited.get(message.clientId)?.());
  return socket;
}

/** Sends one message and waits until the other participant of the room has it (and the sender its ack). */
async function roundTrip(from: ClientSocket, inquiryId: string, clientId: string): Promise<void> {
  const delivered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`message ${clientId} not delivered`)),
      DELIVERY_TIMEOUT_MS,
    );
    awaited.set(clientId, () => {
      clearTimeout(timer);
      awaited.delete(clientId);
      resolve();
    });
  });
  const ack = await from.emitWithAck('inquiry:send', { inquiryId, clientId, body: `压测消息 ${clientId}` });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  await delivered;
}

async function runClients(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_ROLE: 'server' },
    execArgv: [...process.execArgv, '--expose-gc'],
  });
  try {
    const setupStarted = performance.now();
    const { url, rooms } = await nextMessage(child, 'ready');
    console.log(
      `set up ${rooms.length} accepted inquiries in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    type Pair = { inquiryId: string; sockets: [ClientSocket, ClientSocket] };
    const connectRooms = async (some: Room[]) => {
      const connected: Pair[] = [];
      for (let start = 0; start < some.length; start += CONNECT_BATCH / 2) {
        const batch = some.slice(start, start + CONNECT_BATCH / 2);
        connected.push(
          ...(await Promise.all(
            batch.map(async (room) => ({
              inquiryId: room.inquiryId,
              sockets: (await Promise.all([
                connect(url, room.initiator, room.inquiryId),
                connect(url, room.owner, room.inquiryId),
              ])) as [ClientSocket, ClientSocket],
            })),
          )),
        );
      }
      return connected;
    };
    // Memory per socket is the slope between half and all of the sockets: the first connections also warm up
    // caches and buffers that a difference from zero would charge to the sockets.
    const half = Math.floor(rooms.length / 2);
    const connectStarted = performance.now();
    const pairs = await connectRooms(rooms.slice(0, half));
    const halfway = await serverMemory(child);
    pairs.push(...(await connectRooms(rooms.slice(half))));
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const sockets = pairs.length * 2;
    const after = await serverMemory(child);
    console.log(
      `connected and joined ${sockets} sockets in ${pairs.length} rooms in ${connectSeconds.toFixed(1)} s`,
    );
    const added = (rooms.length - half) * 2;
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    // RSS moves in whole pages and only grows back after a collection, so it is shown in total, not per socket.
    console.log(
      `server memory per connected socket: ${kib((after.heapUsed + after.external - halfway.heapUsed - halfway.external) / added)} ` +
        `heap+external (slope from ${half * 2} to ${sockets} sockets); server RSS ${(after.rss / 1024 / 1024).toFixed(0)} MiB with all`,
    );

    // Message i goes to room i mod 500, from its two participants in turn: each user sends about one message per
    // 1,000, well inside the per-user flood limit.
    const task = (offset: number) => (i: number) => {
      const n = i + offset;
      const pair = pairs[n % pairs.length] as (typeof pairs)[number];
      const sender = pair.sockets[Math.floor(n / pairs.length) % 2] as ClientSocket;
      return roundTrip(sender, pair.inquiryId, `bench-${String(n).padStart(6, '0')}`);
    };
    await paced(WARMUP_MESSAGES, MESSAGES_PER_SECOND, task(0));
    const summary = await paced(MESSAGES, MESSAGES_PER_SECOND, task(WARMUP_MESSAGES));
    console.log(formatSummary(`message round trip at ${MESSAGES_PER_SECOND}/s`, summary));
    console.log(
      `p99 ${summary.p99.toFixed(1)} ms: ${summary.p99 <= TARGET_P99_MS ? 'within' : 'ABOVE'} the ${TARGET_P99_MS} ms target ` +
        `(load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} on a shared machine)`,
    );
    const ceiling = await measure(SATURATION_MESSAGES, IN_FLIGHT, task(WARMUP_MESSAGES + MESSAGES));
    console.log(formatSummary(`saturated (${IN_FLIGHT} in flight)`, ceiling));
    for (const { sockets: pair } of pairs) pair.forEach((socket) => socket.disconnect());
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.connected) child.send({ type: 'stop' } satisfies ToServer);
    else child.kill();
    await exited;
  }
}

if (process.env.BENCH_ROLE === 'server') await runServer();
else await runClients();
