/** The file types listings accept, recognised by their first bytes rather than by what the name claims. */
const SIGNATURES = [
  {
    contentType: 'application/pdf',
    extensions: ['pdf'],
    matches: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    contentType: 'image/png',
    extensions: ['png'],
    matches: (b: Buffer) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    contentType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    matches: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    contentType: 'image/webp',
    extensions: ['webp'],
    matches: (b: Buffer) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The content type of a file whose bytes AND extension agree on an accepted type; null otherwise. */
export function acceptedContentType(head: Buffer, filename: string): string | null {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const signature = SIGNATURES.find((s) => s.matches(head));
  if (!signature || !(signature.extensions as readonly string[]).includes(extension)) return null;
  return signature.contentType;
}

/** A file name safe to store and to echo back: no path parts, no control characters, bounded length. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/[\p{Cc}"<>|:*?]/gu, '_').trim();
  return (cleaned || 'file').slice(-120);
}
