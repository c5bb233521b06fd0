import { connect, type Socket } from 'node:net';
import { BSON, type Document } from 'bson';
import { MessageReader, OP_MSG, writeHeader } from '../../server/src/embedded/mongo/wire/framing.js';

/**
 * The thinnest possible MongoDB client: OP_MSG on one connection, no driver. The server answers a
 * connection's commands in order, so replies settle the waiting commands first in, first out. The bench uses
 * it to show what the server itself sustains, apart from the driver's and Mongoose's own work.
 */
export class WireClient {
  private readonly reader = new MessageReader();
  private readonly waiting: ((reply: Document) => void)[] = [];
  private requestId = 0;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      for (const message of this.reader.push(chunk))
        this.waiting.shift()?.(BSON.deserialize(message.subarray(21)));
    });
  }

  static connect(url: string): Promise<WireClient> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  command(body: Document): Promise<Document> {
    const bytes = BSON.serialize(body);
    const message = Buffer.concat([Buffer.alloc(21), bytes]);
    writeHeader(message, (this.requestId += 1), 0, OP_MSG);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.socket.write(message);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
