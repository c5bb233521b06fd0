// `npm run docs:config`: rewrites the README's configuration table from the server's env schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderConfigTable } from '../server/src/config-docs.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const START = '<!-- config-table:start -->';
const END = '<!-- config-table:end -->';
const readme = readFileSync(readmeUrl, 'utf8');
const before = readme.slice(0, readme.indexOf(START) + START.length);
const after = readme.slice(readme.indexOf(END));
writeFileSync(readmeUrl, `${before}\n${renderConfigTable()}\n${after}`);
console.log('README configuration table updated.');
