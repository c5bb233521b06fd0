import { createServer, type Server, type Socket } from 'node:net';
import { MongoCommandError, type Doc } from './errors.js';

import { runCommand } from './commands/dispatch.js';
import type { ConnectionInfo, ServerState } from './commands/context.js';
import {
  MessageReader,
  OP_MSG,
  OP_QUERY,
  ProtocolError,
  readHeader,
  type MessageHeader,
} from './wire/framing.js';
import { encodeOpMsg, encodeOpReply, parseOpMsg, parseOpQuery } from './wire/messages.js';

let lastRequestId = 0;
const nextRequestId = (): number => (lastRequestId = (lastRequestId + 1) | 0);

/** The TCP side: frames messages, runs them one at a time per connection, writes replies. */
export class WireServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private connectionIds = 0;

  constructor(private readonly state: ServerState) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops accepting, then ends every connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private accept(socket: Socket): void {
    const connection: ConnectionInfo = {
      id: (this.connectionIds += 1),
      remoteAddress: `${socket.remoteAddress ?? ''}:${socket.remotePort ?? 0}`,
    };
    const { connections } = this.state;
    connections.current += 1;
    connections.totalCreated += 1;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const reader = new MessageReader();
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = reader.push(chunk);
      } catch (error) {
        this.state.log('warn', 'closing connection after a malformed message', {
          error: String(error),
          connection: connection.id,
        });
        socket.destroy();
        return;
      }
      for (const message of messages) queue = queue.then(() => this.handle(socket, message, connection));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      connections.current -= 1;
      this.sockets.delete(socket);
    });
  }

  /** A message that cannot be framed or checked closes the connection; a body that fails to parse is answered. */
  private async handle(socket: Socket, message: Buffer, connection: ConnectionInfo): Promise<void> {
    const header = readHeader(message);
    let reply: Buffer | undefined;
    try {
      reply = await this.reply(header, message, connection);
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.state.log('warn', 'closing connection after an invalid message', { error: error.message });
        socket.destroy();
        return;
      }
      const parseError = new MongoCommandError(9, `invalid message: ${(error as Error).message}`);
      reply = encodeOpMsg(nextRequestId(), header.requestId, parseError.toReply());
    }
    if (reply && !socket.destroyed) socket.write(reply);
  }

  private async reply(
    header: MessageHeader,
    message: Buffer,
    connection: ConnectionInfo,
  ): Promise<Buffer | undefined> {
    switch (header.opCode) {
      case OP_MSG: {
        const { body, moreToCome } = parseOpMsg(message);
        const reply = await this.run(body, connection);
        return moreToCome ? undefined : encodeOpMsg(nextRequestId(), header.requestId, reply);
      }
      case OP_QUERY: {
        const { db, body } = parseOpQuery(message);
        const reply = await runCommand(this.state, db, body, connection);
        return encodeOpReply(nextRequestId(), header.requestId, reply);
      }
      default:
        throw new ProtocolError(`unsupported opcode ${header.opCode}`);
    }
  }

  private run(body: Doc, connection: ConnectionInfo): Promise<Doc> {
    const db = body['$db'];
    if (typeof db !== 'string') {
      return Promise.resolve(
        new MongoCommandError(40571, 'OP_MSG requests require a $db argument').toReply(),
      );
    }
    return runCommand(this.state, db, body, connection);
  }
}
