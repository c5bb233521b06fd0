import { connect, type Socket } from 'node:net';
import { BSON, Long, UUID, type Document } from 'bson';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMongoServer, type RunningMongoServer } from './index.js';
import { crc32c } from './wire/crc32c.js';
import { MessageReader, OP_MSG, OP_QUERY, OP_REPLY, readHeader, writeHeader } from './wire/framing.js';

/** Protocol-level behaviour of the embedded server itself, checked with hand-built messages. */
let server: RunningMongoServer;

beforeAll(async () => {
  server = await startMongoServer();
});

afterAll(async () => {
  await server.close();
});

class RawConnection {
  private readonly reader = new MessageReader();
  private readonly received: Buffer[] = [];
  private waiting: ((message: Buffer) => void) | undefined;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const message of this.reader.push(chunk)) {
        if (this.waiting) this.waiting(message);
        else this.received.push(message);
        this.waiting = undefined;
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
    });
  }

  send(message: Buffer): void {
    this.socket.write(message);
  }

  next(): Promise<Buffer> {
    const ready = this.received.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.socket.destroy();
  }
}

function opMsg(
  requestId: number,
  body: Document,
  options: { sequences?: [string, Document[]][]; flags?: number } = {},
): Buffer {
  const sections: Uint8Array[] = [Buffer.from([0]), BSON.serialize(body)];
  for (const [identifier, docs] of options.sequences ?? []) {
    const payload = Buffer.concat([
      Buffer.from(`${identifier}\0`),
      ...docs.map((doc) => BSON.serialize(doc)),
    ]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    sections.push(Buffer.from([1]), size, payload);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(options.flags ?? 0);
  const message = Buffer.concat([Buffer.alloc(16), flags, ...sections]);
  writeHeader(message, requestId, 0, OP_MSG);
  return message;
}

function withChecksum(message: Buffer): Buffer {
  const flagged = Buffer.concat([message, Buffer.alloc(4)]);
  writeHeader(flagged, readHeader(message).requestId, 0, OP_MSG);
  flagged.writeUInt32LE(flagged.readUInt32LE(16) | 1, 16);
  flagged.writeUInt32LE(crc32c(flagged.subarray(0, flagged.length - 4)), flagged.length - 4);
  return flagged;
}

function replyBody(message: Buffer): Document {
  return BSON.deserialize(message.subarray(21));
}

describe('wire protocol', () => {
  it('answers the legacy OP_QUERY handshake with OP_REPLY, as a standalone of wire version 21', async () => {
    const connection = await RawConnection.open(server.port);
    const query = Buffer.concat([
      Buffer.alloc(16),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('admin.$cmd\0'),
      Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]),
      BSON.serialize({ ismaster: 1, helloOk: true, client: { driver: { name: 'raw' } } }),
    ]);
    writeHeader(query, 7, 0, OP_QUERY);
    connection.send(query);
    const reply = await connection.next();
    expect(readHeader(reply)).toMatchObject({ responseTo: 7, opCode: OP_REPLY });
    expect(reply.readInt32LE(32)).toBe(1);
    const hello = BSON.deserialize(reply.subarray(36));
    expect(hello).toMatchObject({
      ok: 1,
      ismaster: true,
      helloOk: true,
      maxWireVersion: 21,
      minWireVersion: 0,
    });
    expect(hello['logicalSessionTimeoutMinutes']).toBe(30);
    expect(hello).not.toHaveProperty('topologyVersion');
    expect(hello).not.toHaveProperty('setName');
    connection.close();
  });

  it('merges document sequences into the body, honours a checksum and sends nothing back for moreToCome', async () => {
    const connection = await RawConnection.open(server.port);
    const documents: [string, Document[]][] = [['documents', [{ _id: 1 }, { _id: 2 }]]];
    connection.send(opMsg(1, { insert: 'raw', $db: 'wire' }, { sequences: documents }));
    expect(replyBody(await connection.next())).toEqual({ n: 2, ok: 1 });
    connection.send(
      opMsg(2, { insert: 'raw', $db: 'wire' }, { sequences: [['documents', [{ _id: 3 }]]], flags: 2 }),
    );
    connection.send(withChecksum(opMsg(3, { count: 'raw', $db: 'wire' })));
    const counted = await connection.next();
    expect(readHeader(counted).responseTo).toBe(3);
    expect(replyBody(counted)).toEqual({ n: 3, ok: 1 });
    connection.close();
  });

  it('closes the connection on a wrong checksum, and requires $db', async () => {
    const connection = await RawConnection.open(server.port);
    connection.send(opMsg(1, { ping: 1 }));
    expect(replyBody(await connection.next())).toMatchObject({ ok: 0, code: 40571 });
    const corrupted = withChecksum(opMsg(2, { ping: 1, $db: 'admin' }));
    corrupted.writeUInt32LE(corrupted.readUInt32LE(corrupted.length - 4) ^ 1, corrupted.length - 4);
    connection.send(corrupted);
    await connection.closed;
  });
});

describe('what a standalone server refuses', () => {
  let client: MongoClient;

  beforeAll(async () => {
    client = await MongoClient.connect(server.url);
    await client.db('refusals').collection('c').insertOne({ a: 1, text: 'hello' });
  });

  afterAll(async () => {
    await client.close();
  });

  const db = () => client.db('refusals');

  it('refuses transactions like a standalone mongod (IllegalOperation)', async () => {
    const transactional = {
      insert: 'c',
      documents: [{ a: 2 }],
      lsid: { id: new UUID() },
      txnNumber: Long.fromNumber(1),
      startTransaction: true,
      autocommit: false,
    };
    await expect(db().command(transactional)).rejects.toMatchObject({
      code: 20,
      message: 'Transaction numbers are only allowed on a replica set member or mongos',
    });
    expect(await db().collection('c').countDocuments({ a: 2 })).toBe(0);
  });

  it('refuses change streams, text and geo queries with MongoDB error documents', async () => {
    await expect(db().collection('c').watch().tryNext()).rejects.toMatchObject({ code: 40573 });
    await expect(
      db()
        .collection('c')
        .find({ $text: { $search: 'hello' } })
        .toArray(),
    ).rejects.toMatchObject({ code: 27 });
    await expect(
      db()
        .collection('c')
        .find({ loc: { $near: { $geometry: { type: 'Point', coordinates: [0, 0] } } } })
        .toArray(),
    ).rejects.toMatchObject({ code: 115 });
    await expect(
      db()
        .collection('c')
        .aggregate([{ $merge: { into: 'other' } }])
        .toArray(),
    ).rejects.toMatchObject({ code: 115 });
  });

  it('refuses options it does not implement, and fields no command has', async () => {
    await expect(db().command({ find: 'c', tailable: true })).rejects.toMatchObject({
      code: 115,
      codeName: 'CommandNotSupported',
    });
    await expect(db().command({ find: 'c', frobnicate: 1 })).rejects.toMatchObject({ code: 40415 });
    await expect(db().createCollection('capped', { capped: true, size: 4096 })).rejects.toMatchObject({
      code: 115,
    });
    await expect(db().collection('c').createIndex({ text: 'text' })).rejects.toMatchObject({ code: 115 });
    await expect(db().collection('c').find({ $where: 'this.a === 1' }).toArray()).rejects.toMatchObject({
      code: 2,
    });
  });
});
