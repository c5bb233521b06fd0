import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from './config.js';
import { renderConfigTable } from './config-docs.js';

/** Prettier pads markdown tables; compare cell contents, not alignment. */
const normalizeTable = (text: string) => text.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');

describe('README configuration table', () => {
  it('documents every variable, exactly as `npm run docs:config` renders it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = renderConfigTable();
    for (const name of Object.keys(EnvSchema.shape)) expect(table).toContain(`\`${name}\``);
    expect(normalizeTable(readme)).toContain(normalizeTable(table));
  });
});
