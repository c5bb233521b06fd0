import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../errors.js';

export interface ReceivedFile {
  filename: string;
  tempPath: string;
  size: number;
  sha256: string;
  /** The first bytes, to recognise the file type. */
  head: Buffer;
}

const HEAD_BYTES = 16;

/** Counts, hashes and keeps the first bytes of a stream as it passes. */
function inspector() {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      callback(null, chunk);
    },
  });
  return { transform, result: () => ({ size, head, sha256: hash.digest('hex') }) };
}

/**
 * Streams the single `file` part of a multipart request to a temporary file, refusing it once it passes
 * `maxBytes` (so a huge upload never sits in memory), and returns what it learned on the way.
 */
export function receiveSingleFile(req: Request, tempDir: string, maxBytes: number): Promise<ReceivedFile> {
  if (!req.is('multipart/form-data')) return Promise.reject(new AppError('UNSUPPORTED_MEDIA_TYPE'));
  return new Promise((resolve, reject) => {
    // Browsers send UTF-8 file names; busboy would read them as Latin-1 otherwise.
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: maxBytes, fields: 5 },
    });
    let received: Promise<ReceivedFile> | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || received) {
        stream.resume();
        return;
      }
      const tempPath = path.join(tempDir, randomUUID());
      const { transform, result } = inspector();
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      received = mkdir(tempDir, { recursive: true })
        .then(() => pipeline(stream, transform, createWriteStream(tempPath)))
        .then(async () => {
          if (truncated) {
            await rm(tempPath, { force: true });
            throw new AppError('FILE_TOO_LARGE');
          }
          return { filename: info.filename ?? '', tempPath, ...result() };
        });
    });
    parser.on('error', () =>
      reject(
        new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'body', code: 'multipart', message: 'malformed multipart body' }],
        }),
      ),
    );
    parser.on('close', () =>
      received ? received.then(resolve, reject) : reject(new AppError('FILE_MISSING')),
    );
    req.pipe(parser);
  });
}
