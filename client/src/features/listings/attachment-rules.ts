/** What the API accepts as an attachment (it checks the bytes again): the client refuses the rest at once. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp'] as const;
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** The error code the API would answer for this file, or null when it may be sent. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension) || !file.name.includes('.'))
    return 'FILE_TYPE_NOT_ALLOWED';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'FILE_TOO_LARGE';
  return null;
}
