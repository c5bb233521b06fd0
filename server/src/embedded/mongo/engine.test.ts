import { Double, Long } from 'bson';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { Catalog } from './engine/catalog.js';
import { candidatesFromIndexes } from './engine/planner.js';
import { findMatches, findSorted } from './engine/query.js';
import { sortDocs } from './engine/sort.js';
import type { Doc } from './errors.js';

import { removeExpired } from './engine/ttl.js';
import { ingest } from './values.js';

function usersWithEmailIndex() {
  const catalog = new Catalog();
  const users = catalog.createCollection('app', 'users', {});
  users.addIndex({ v: 2, key: { email: 1 }, name: 'email_1', unique: true });
  users.addIndex({ v: 2, key: { org: 1, role: 1 }, name: 'org_1_role_1' });
  for (let i = 0; i < 1000; i++) {
    users.insert(ingest({ _id: i, email: `u${i}@x`, org: i % 10, role: i % 3 ? 'member' : 'admin' }));
  }
  return { catalog, users };
}

describe('query planning', () => {
  it('answers equality on an indexed field from the index, exactly when the filter is nothing more', () => {
    const { users } = usersWithEmailIndex();
    expect(candidatesFromIndexes(users, { email: 'u7@x' })).toEqual({
      docs: [users.getById(7)],
      exact: true,
    });
    expect(candidatesFromIndexes(users, { email: { $in: ['u1@x', 'u2@x'] } })?.docs).toHaveLength(2);
    const withExtra = candidatesFromIndexes(users, { email: 'u7@x', role: 'admin' });
    expect(withExtra).toMatchObject({ exact: false, docs: [users.getById(7)] });
  });

  it('uses the first field of a compound index, and scans when no index applies', () => {
    const { users } = usersWithEmailIndex();
    expect(candidatesFromIndexes(users, { org: 3 })?.docs).toHaveLength(100);
    expect(candidatesFromIndexes(users, { org: 3, role: 'admin' })).toMatchObject({ exact: true });
    expect(candidatesFromIndexes(users, { role: 'admin' })).toBeUndefined();
    expect(candidatesFromIndexes(users, { email: /u7/ })).toBeUndefined();
  });

  it('answers an $or whose every branch has an index with the union of the branches, and finds the same', () => {
    const { users } = usersWithEmailIndex();
    const filter = {
      $or: [{ email: 'u7@x' }, { org: 3, role: 'admin' }, { _id: { $in: [8, 9] } }],
      role: 'admin',
    };
    const planned = candidatesFromIndexes(users, filter);
    expect(planned?.exact).toBe(false);
    expect(planned?.docs).toHaveLength(1 + 34 + 2);
    const scanned = [...users.docs()].filter((doc) => new Query(filter).test(doc));
    expect(findMatches(users, filter, {}).map((doc) => doc['_id'])).toEqual(
      expect.arrayContaining(scanned.map((doc) => doc['_id'])),
    );
    expect(findMatches(users, filter, {})).toHaveLength(scanned.length);
    expect(candidatesFromIndexes(users, { $or: [{ email: 'u7@x' }, { role: 'admin' }] })).toBeUndefined();
  });
});

describe('sorting through an ordered index', () => {
  it('gives the order a full sort gives, through updates, deletes and null or missing keys', () => {
    const catalog = new Catalog();
    const items = catalog.createCollection('app', 'items', {});
    items.addIndex({ v: 2, key: { rank: 1 }, name: 'rank_1' });
    const ranks = [5, 3, null, 9, 3, undefined, 1, 'text', 7, 3];
    ranks.forEach((rank, i) => items.insert(ingest(rank === undefined ? { _id: i } : { _id: i, rank })));
    items.replace(items.getById(3) as Doc, ingest({ _id: 3, rank: 0 }));
    items.remove(items.getById(0) as Doc);
    for (const direction of [1, -1]) {
      const viaIndex = findSorted(items, { _id: { $ne: 4 } }, { rank: direction }, {}, 5);
      const viaSort = sortDocs(findMatches(items, { _id: { $ne: 4 } }, {}), { rank: direction }).slice(0, 5);
      expect(viaIndex.map((doc) => doc['rank'])).toEqual(viaSort.map((doc) => doc['rank']));
    }
    expect(items.orderOf('rank')).toBeDefined();
    items.insert(ingest({ _id: 'multi', rank: [2, 8] }));
    expect(items.orderOf('rank')).toBeUndefined();
  });

  it('keeps a low-cardinality order exact through updates that keep or change the key', () => {
    const catalog = new Catalog();
    const listings = catalog.createCollection('app', 'listings', {});
    listings.addIndex({ v: 2, key: { status: 1 }, name: 'status_1' });
    const count = 2_000;
    for (let i = 0; i < count; i++)
      listings.insert(ingest({ _id: i, status: i % 2 ? 'published' : 'draft', v: 0 }));
    for (let i = 0; i < count; i++) {
      const current = listings.getById(i) as Doc;
      const status = i % 100 === 0 ? 'closed' : current['status'];
      listings.replace(current, ingest({ ...current, status, v: 1 }));
    }
    const viaIndex = findSorted(listings, {}, { status: 1 }, {}, count);
    expect(viaIndex).toHaveLength(count);
    expect(viaIndex.every((doc) => doc['v'] === 1)).toBe(true);
    const viaSort = sortDocs(findMatches(listings, {}, {}), { status: 1 });
    expect(viaIndex.map((doc) => doc['status'])).toEqual(viaSort.map((doc) => doc['status']));
    expect(viaIndex.filter((doc) => doc['status'] === 'closed')).toHaveLength(20);
  });
});

describe('document forms', () => {
  it('keeps the wire form only for documents whose numbers would not round-trip as JS numbers', () => {
    expect(ingest({ a: 1, b: 1.5, c: 'x' }).wire).toBeUndefined();
    const exotic = ingest({ a: Long.fromNumber(1), b: new Double(2) });
    expect(exotic.view).toEqual({ a: 1, b: 2 });
    expect(exotic.wire).toEqual({ a: Long.fromNumber(1), b: new Double(2) });
  });
});

describe('TTL indexes', () => {
  it('removes documents whose indexed date is older than expireAfterSeconds', () => {
    const catalog = new Catalog();
    const sessions = catalog.createCollection('app', 'sessions', {});
    sessions.addIndex({ v: 2, key: { expires: 1 }, name: 'expires_1', expireAfterSeconds: 60 });
    const now = Date.UTC(2024, 0, 1);
    sessions.insert(ingest({ _id: 'old', expires: new Date(now - 61_000) }));
    sessions.insert(ingest({ _id: 'fresh', expires: new Date(now - 59_000) }));
    sessions.insert(ingest({ _id: 'no-date', expires: 'soon' }));
    expect(removeExpired(catalog, now)).toBe(1);
    expect([...sessions.docs()].map((doc) => doc['_id'])).toEqual(['fresh', 'no-date']);
  });
});
