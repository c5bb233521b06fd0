import { z } from 'zod';
import { EnvSchema } from './config.js';

interface PropertyDoc {
  description?: string;
  default?: unknown;
}

function defaultText(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string' && value.includes('/client/dist')) return '`client/dist`';
  return `\`${String(value)}\``;
}

/** The README's configuration table, rendered from the same schema that parses the environment. */
export function renderConfigTable(): string {
  const json = z.toJSONSchema(EnvSchema, { io: 'output', unrepresentable: 'any' }) as {
    properties: Record<string, PropertyDoc>;
  };
  const rows = Object.entries(json.properties).map(
    ([name, doc]) => `| \`${name}\` | ${defaultText(doc.default)} | ${doc.description ?? ''} |`,
  );
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
