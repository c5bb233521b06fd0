import type { IncomingMessage } from 'node:http';
import { MeiliError } from '../errors.js';

/** Meilisearch's default `http-payload-size-limit`. */
export const PAYLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > PAYLOAD_LIMIT_BYTES) {
      throw new MeiliError(
        'payload_too_large',
        'The provided payload reached the size limit. The maximum accepted payload size is 100 MiB.',
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function mediaType(request: IncomingMessage): string | undefined {
  return request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function parseJson(text: string): unknown {
  if (!text.trim()) throw new MeiliError('missing_payload', 'A json payload is missing.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MeiliError(
      'malformed_payload',
      `The json payload provided is malformed. \`${(error as Error).message}\`.`,
    );
  }
}

/** JSON bodies: the client always sends `application/json`; any other declared type is refused. */
export function assertJsonContentType(request: IncomingMessage): void {
  const type = mediaType(request);
  if (type && type !== 'application/json') {
    throw new MeiliError(
      'invalid_content_type',
      `The Content-Type \`${type}\` is invalid. Accepted values for the Content-Type header are: \`application/json\``,
    );
  }
}
