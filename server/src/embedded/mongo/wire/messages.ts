import { BSON } from 'bson';
import type { Doc } from '../errors.js';
import { crc32c } from './crc32c.js';
import { HEADER_BYTES, OP_MSG, OP_REPLY, ProtocolError, writeHeader } from './framing.js';

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
/** Flag bits 0–15 that a server must understand; any other one set among them is an error. */
const KNOWN_REQUIRED_FLAGS = CHECKSUM_PRESENT | MORE_TO_COME;

/** Command documents are decoded with exact BSON number types; see values.ts for why. */
const decode = (bytes: Buffer): Doc => BSON.deserialize(bytes, { promoteValues: false });

export interface ParsedOpMsg {
  body: Doc;
  /** The client wants no reply (write concern `w: 0`). */
  moreToCome: boolean;
}

/** OP_MSG: flags, a kind-0 body and kind-1 document sequences, which are merged into the body as arrays. */
export function parseOpMsg(message: Buffer): ParsedOpMsg {
  const flags = message.readUInt32LE(HEADER_BYTES);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_FLAGS) !== 0)
    throw new ProtocolError(`unsupported OP_MSG flags ${flags}`);
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  if (flags & CHECKSUM_PRESENT && crc32c(message.subarray(0, end)) !== message.readUInt32LE(end)) {
    throw new ProtocolError('OP_MSG checksum does not match its contents');
  }
  let offset = HEADER_BYTES + 4;
  let body: Doc | undefined;
  const sequences: [string, Doc[]][] = [];
  while (offset < end) {
    const kind = message.readUInt8(offset);
    const size = message.readInt32LE(offset + 1);
    if (kind === 0) body = decode(message.subarray(offset + 1, offset + 1 + size));
    else if (kind === 1) sequences.push(parseSequence(message.subarray(offset + 1, offset + 1 + size)));
    else throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    offset += 1 + size;
  }
  if (!body) throw new ProtocolError('OP_MSG without a body section');
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  return { body, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function parseSequence(section: Buffer): [string, Doc[]] {
  const nameEnd = section.indexOf(0, 4);
  const identifier = section.toString('utf8', 4, nameEnd);
  const documents: Doc[] = [];
  for (let offset = nameEnd + 1; offset < section.length;) {
    const size = section.readInt32LE(offset);
    documents.push(decode(section.subarray(offset, offset + size)));
    offset += size;
  }
  return [identifier, documents];
}

export function encodeOpMsg(requestId: number, responseTo: number, body: Doc): Buffer {
  const bytes = BSON.serialize(body, { ignoreUndefined: true });
  const message = Buffer.allocUnsafe(HEADER_BYTES + 5 + bytes.length);
  writeHeader(message, requestId, responseTo, OP_MSG);
  message.writeUInt32LE(0, HEADER_BYTES);
  message.writeUInt8(0, HEADER_BYTES + 4);
  message.set(bytes, HEADER_BYTES + 5);
  return message;
}

/** OP_QUERY, used only for the first handshake: flags, "db.$cmd", skip, limit, then the command. */
export function parseOpQuery(message: Buffer): { db: string; body: Doc } {
  const nameEnd = message.indexOf(0, HEADER_BYTES + 4);
  const namespace = message.toString('utf8', HEADER_BYTES + 4, nameEnd);
  const queryStart = nameEnd + 1 + 8;
  const query = decode(message.subarray(queryStart, queryStart + message.readInt32LE(queryStart)));
  const body = query['$query'] && typeof query['$query'] === 'object' ? (query['$query'] as Doc) : query;
  return { db: namespace.slice(0, namespace.indexOf('.')), body };
}

export function encodeOpReply(requestId: number, responseTo: number, doc: Doc): Buffer {
  const bytes = BSON.serialize(doc, { ignoreUndefined: true });
  const message = Buffer.allocUnsafe(HEADER_BYTES + 20 + bytes.length);
  writeHeader(message, requestId, responseTo, OP_REPLY);
  message.writeInt32LE(0, HEADER_BYTES);
  message.writeBigInt64LE(0n, HEADER_BYTES + 4);
  message.writeInt32LE(0, HEADER_BYTES + 12);
  message.writeInt32LE(1, HEADER_BYTES + 16);
  message.set(bytes, HEADER_BYTES + 20);
  return message;
}
