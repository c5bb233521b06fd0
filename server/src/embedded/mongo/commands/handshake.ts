import { hostname } from 'node:os';
import { Long } from 'bson';
import type { Doc } from '../errors.js';
import type { CommandContext, CommandHandler } from './context.js';

const SERVER_VERSION = '7.0.0';
const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

/**
 * A standalone server (no `setName`) at wire version 21 (MongoDB 7.0). `logicalSessionTimeoutMinutes` makes
 * the driver use sessions; `topologyVersion` is left out so it does not switch to streaming heartbeats.
 */
function hello(ctx: CommandContext): Doc {
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connection.id,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

function buildInfo(): Doc {
  return {
    version: SERVER_VERSION,
    gitVersion: 'embedded',
    versionArray: SERVER_VERSION.split('.').map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['embedded-journal'],
    javascriptEngine: 'none',
    modules: [],
    ok: 1,
  };
}

/** What mongod reports on Linux under `extra_info`: the process's CPU time, peak memory and faults, as Int64s. */
function extraInfo(): Doc {
  const usage = process.resourceUsage();
  const long = (value: number) => Long.fromNumber(value);
  return {
    note: 'fields vary by platform',
    user_time_us: long(usage.userCPUTime),
    system_time_us: long(usage.systemCPUTime),
    maximum_resident_set_kb: long(usage.maxRSS),
    input_blocks: long(usage.fsRead),
    output_blocks: long(usage.fsWrite),
    page_reclaims: long(usage.minorPageFault),
    page_faults: long(usage.majorPageFault),
    voluntary_context_switches: long(usage.voluntaryContextSwitches),
    involuntary_context_switches: long(usage.involuntaryContextSwitches),
  };
}

function serverStatus(ctx: CommandContext): Doc {
  const { state } = ctx;
  const uptimeMillis = Date.now() - state.startedAt.getTime();
  const memory = process.memoryUsage();
  return {
    host: hostname(),
    version: SERVER_VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    uptimeEstimate: Math.floor(uptimeMillis / 1000),
    localTime: new Date(),
    connections: {
      current: state.connections.current,
      available: 1000,
      totalCreated: state.connections.totalCreated,
    },
    mem: { bits: 64, resident: Math.round(memory.rss / 2 ** 20), virtual: Math.round(memory.rss / 2 ** 20) },
    opcounters: { ...state.opcounters },
    extra_info: extraInfo(),
    storageEngine: { name: state.store ? 'embedded-journal' : 'embedded-memory', persistent: !!state.store },
    ok: 1,
  };
}

function getParameter(ctx: CommandContext): Doc {
  const all = ctx.args.body['getParameter'] === '*';
  const reply: Doc = {};
  if (all || ctx.args.body['featureCompatibilityVersion'] !== undefined) {
    reply['featureCompatibilityVersion'] = { version: '7.0' };
  }
  return { ...reply, ok: 1 };
}

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  getParameter,
  whatsmyuri: (ctx) => ({ you: ctx.connection.remoteAddress, ok: 1 }),
  hostInfo: () => ({
    system: { hostname: hostname(), currentTime: new Date() },
    os: { type: process.platform },
    ok: 1,
  }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  getCmdLineOpts: () => ({ argv: [], parsed: {}, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
};
