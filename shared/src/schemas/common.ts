import { z } from 'zod';

export const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'v.objectId');
export type ObjectId = z.infer<typeof ObjectIdSchema>;

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** Trimmed single-line text with bounds; control characters are refused. */
export function textField(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'v.controlChars');
}

/** Trimmed multi-line text (newlines allowed) with bounds. */
export function longTextField(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, 'v.controlChars');
}

export const EmailSchema = z.email().trim().toLowerCase().max(254);

/** Mainland mobile (1xx xxxx xxxx) or landline with area code (0776-1234567). */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'v.phone');

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}
