import { MongoCommandError, toMongoError, type Doc } from '../errors.js';
import { validateDatabaseName } from '../engine/catalog.js';
import { normalise, withoutKey } from '../values.js';

import { adminCommands } from './admin.js';
import { aggregateCommands } from './aggregate.js';
import { Args } from './args.js';
import type { CommandHandler, ConnectionInfo, OpCounters, ServerState } from './context.js';
import { findAndModifyCommands } from './find-and-modify.js';
import { findCommands } from './find.js';
import { handshakeCommands } from './handshake.js';
import { indexCommands } from './indexes.js';
import { rejectTransactions, sessionCommands } from './sessions.js';
import { writeCommands } from './write.js';

const COMMANDS: Record<string, CommandHandler> = {
  ...handshakeCommands,
  ...sessionCommands,
  ...adminCommands,
  ...findCommands,
  ...aggregateCommands,
  ...writeCommands,
  ...findAndModifyCommands,
  ...indexCommands,
};

const COUNTED: Record<string, keyof OpCounters> = {
  find: 'query',
  getMore: 'getmore',
  update: 'update',
  delete: 'delete',
};

/**
 * Runs one command and returns its reply; every failure becomes MongoDB's error document. A command that
 * changed data replies only once those changes are on disk.
 */
export async function runCommand(
  state: ServerState,
  db: string,
  wire: Doc,
  connection: ConnectionInfo,
): Promise<Doc> {
  const name = Object.keys(wire)[0] ?? '';
  const changesBefore = state.store?.changeCount ?? 0;
  let reply: Doc;
  try {
    const handler = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    rejectTransactions(wire, name);
    if (!handler) throw new MongoCommandError(59, `no such command: '${name}'`);
    validateDatabaseName(db);
    count(state, name, wire);
    reply = handler({ db, args: new Args(name, commandView(name, wire)), wire, state, connection });
  } catch (error) {
    reply = toMongoError(error).toReply();
  }
  if (state.store && state.store.changeCount !== changesBefore) {
    try {
      await state.store.durable();
    } catch (error) {
      state.log('error', 'journal write failed', { error: String(error) });
      return new MongoCommandError(1, `journal write failed: ${String(error)}`).toReply();
    }
  }
  return reply;
}

/** Fields whose documents are stored exactly as given; the handler reads them from the wire form only. */
const STORED_AS_GIVEN: Record<string, string> = { insert: 'documents' };

function commandView(name: string, wire: Doc): Doc {
  const field = STORED_AS_GIVEN[name];
  if (!field || !(field in wire)) return normalise(wire);
  return { ...normalise(withoutKey(wire, field)), [field]: wire[field] };
}

function count(state: ServerState, name: string, wire: Doc): void {
  if (name === 'insert')
    state.opcounters.insert += Array.isArray(wire['documents']) ? wire['documents'].length : 0;
  else state.opcounters[COUNTED[name] ?? 'command'] += 1;
}
