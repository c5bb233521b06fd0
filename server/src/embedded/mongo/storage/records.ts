import { crc32 } from 'node:zlib';
import { BSON } from 'bson';
import type { Change } from '../engine/change-log.js';
import type { Doc } from '../errors.js';

/**
 * Journal and snapshot files are sequences of records: u32 payload length, u32 CRC-32 of the payload, then
 * the payload: one flag byte and the change as a BSON document. Flag bit 0 marks a document whose numbers
 * must be read back with their exact BSON types (see values.ts); every other record is read with the faster
 * promoting decoder.
 */
const HEADER_BYTES = 8;
const EXACT_NUMBERS = 1;

export function encodeChange(change: Change): Buffer {
  const body = BSON.serialize(change as unknown as Doc);
  const record = Buffer.allocUnsafe(HEADER_BYTES + 1 + body.length);
  record.writeUInt8(change.op === 'put' && change.exotic ? EXACT_NUMBERS : 0, HEADER_BYTES);
  record.set(body, HEADER_BYTES + 1);
  const payload = record.subarray(HEADER_BYTES);
  record.writeUInt32LE(payload.length, 0);
  record.writeUInt32LE(crc32(payload), 4);
  return record;
}

export interface DecodedRecords {
  changes: Change[];
  /** Bytes from the start of the buffer that hold whole, intact records. */
  validBytes: number;
  /** Why decoding stopped before the end, if it did. */
  damage?: string;
}

export function decodeRecords(buffer: Buffer): DecodedRecords {
  const changes: Change[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const damage = recordDamage(buffer, offset);
    if (damage) return { changes, validBytes: offset, damage };
    const length = buffer.readUInt32LE(offset);
    const payload = buffer.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
    try {
      changes.push(decodePayload(payload));
    } catch (error) {
      return { changes, validBytes: offset, damage: `undecodable record: ${(error as Error).message}` };
    }
    offset += HEADER_BYTES + length;
  }
  return { changes, validBytes: offset };
}

function recordDamage(buffer: Buffer, offset: number): string | undefined {
  if (buffer.length - offset < HEADER_BYTES) return 'truncated record header';
  const length = buffer.readUInt32LE(offset);
  if (length < 6 || offset + HEADER_BYTES + length > buffer.length) return 'truncated record';
  const payload = buffer.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
  return crc32(payload) === buffer.readUInt32LE(offset + 4) ? undefined : 'checksum mismatch';
}

function decodePayload(payload: Buffer): Change {
  const exact = (payload.readUInt8(0) & EXACT_NUMBERS) !== 0;
  return BSON.deserialize(payload.subarray(1), { promoteValues: !exact }) as unknown as Change;
}
