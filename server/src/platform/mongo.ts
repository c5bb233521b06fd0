import type { Connection, Model, Schema } from 'mongoose';

/** Registers a model on one connection once, so every module can ask for it without import-order games. */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

export interface DuplicateKeyError {
  code: 11000;
  keyPattern?: Record<string, number>;
  keyValue?: Record<string, unknown>;
}

export function isDuplicateKeyError(error: unknown): error is DuplicateKeyError {
  return (error as { code?: unknown } | null)?.code === 11000;
}

export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** Escapes user text for use inside a `$regex`, so a search box cannot inject a pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function paginate<T>(
  model: Model<T>,
  filter: Record<string, unknown>,
  { page, pageSize }: { page: number; pageSize: number },
  sort: Record<string, 1 | -1>,
): Promise<{ docs: T[]; page: number; pageSize: number; total: number; totalPages: number }> {
  const [docs, total] = await Promise.all([
    model
      .find(filter)
      .sort(sort)
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean<T[]>(),
    model.countDocuments(filter),
  ]);
  return { docs, page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
