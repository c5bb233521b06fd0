import type { Catalog } from '../engine/catalog.js';
import type { CursorRegistry } from '../engine/cursors.js';
import type { Doc } from '../errors.js';
import type { Logger } from '../logger.js';
import type { DurableStore } from '../storage/durable-store.js';
import type { Args } from './args.js';

export interface OpCounters {
  insert: number;
  query: number;
  update: number;
  delete: number;
  getmore: number;
  command: number;
}

/** Everything commands share: the data, open cursors, durability and counters. */
export interface ServerState {
  readonly catalog: Catalog;
  readonly cursors: CursorRegistry;
  readonly store: DurableStore | undefined;
  readonly log: Logger;
  readonly startedAt: Date;
  readonly opcounters: OpCounters;
  readonly connections: { current: number; totalCreated: number };
  address: string;
}

export interface ConnectionInfo {
  id: number;
  remoteAddress: string;
}

export interface CommandContext {
  /** The database the command runs against (`$db`). */
  db: string;
  /** The body in view form (numbers as JS numbers). */
  args: Args;
  /** The body exactly as received, for values that are stored. */
  wire: Doc;
  state: ServerState;
  connection: ConnectionInfo;
}

export type CommandHandler = (ctx: CommandContext) => Doc;
