import { UUID } from 'bson';
import { MongoCommandError, type Doc } from '../errors.js';
import type { CommandHandler } from './context.js';

const NO_TRANSACTIONS = 'Transaction numbers are only allowed on a replica set member or mongos';

/**
 * Sessions are accepted and need no state: each command is applied on its own. Transactions are refused
 * the way a standalone mongod refuses them (code 20); a bare `txnNumber` (a retryable write) is accepted.
 */
export function rejectTransactions(body: Doc, command: string): void {
  const inTransaction = body['autocommit'] === false || body['startTransaction'] === true;
  if (inTransaction || command === 'commitTransaction' || command === 'abortTransaction') {
    throw new MongoCommandError(20, NO_TRANSACTIONS);
  }
}

const acknowledge = (): Doc => ({ ok: 1 });

export const sessionCommands: Record<string, CommandHandler> = {
  startSession: () => ({ id: { id: new UUID() }, timeoutMinutes: 30, ok: 1 }),
  endSessions: acknowledge,
  refreshSessions: acknowledge,
  killSessions: acknowledge,
  killAllSessions: acknowledge,
  killAllSessionsByPattern: acknowledge,
};
