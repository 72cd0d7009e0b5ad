/**
 * The name index of the enterprise registry (pure), so that a search by part of a name is one
 * DynamoDB Query and never a scan.
 *
 * A name is normalised (full-width and half-width alike, no whitespace, Latin letters in lower
 * case) and, for each position i, the rest of the name from i on becomes the sort key of one
 * index item, in the partition of the two characters at i:
 *   position 0  → the prefix key   `NAMEPFX#<first two>`  / `<whole name>#<USCC>`
 *   position ≥1 → a bigram key     `NAMEGRAM#<two at i>`  / `<name from i>#<USCC>`
 * A query `q` (at least two characters) is then `begins_with(sk, q)` in the partition of q's
 * first two characters: exactly the names that contain q, the names that start with it first.
 */
import { keys } from '../shared/db/keys';
import { normaliseRegistryName } from './registry.domain';

/** Positions indexed per name: a long name keeps its first 40 starting points (one transaction holds a rename). */
export const MAX_INDEXED_POSITIONS = 40;
export const MIN_QUERY_CHARS = 2;

export interface NameKey {
  pk: string;
  sk: string;
}

/** A name (or a query) as the index stores and compares it. `#` separates the USCC, so it is dropped. */
export function searchableName(value: string): string {
  return normaliseRegistryName(value).toLowerCase().replace(/#/g, '');
}

/** Every index key of one business's name. */
export function nameKeys(name: string, uscc: string): NameKey[] {
  const chars = Array.from(searchableName(name));
  const out: NameKey[] = [];
  for (let i = 0; i + MIN_QUERY_CHARS <= chars.length && i < MAX_INDEXED_POSITIONS; i++) {
    out.push(keys.registryNameKey(chars.slice(i, i + 2).join(''), i === 0, chars.slice(i).join(''), uscc));
  }
  return out;
}

/** The two partitions a query reads (prefix keys first) and the sort-key prefix; null when q is too short. */
export function nameQuery(q: string): { partitions: [string, string]; prefix: string } | null {
  const chars = Array.from(searchableName(q));
  if (chars.length < MIN_QUERY_CHARS) return null;
  const bigram = chars.slice(0, 2).join('');
  return { partitions: [keys.registryNamePartition(bigram, true).pk, keys.registryNamePartition(bigram, false).pk], prefix: chars.join('') };
}

/** The USCC an index key points to. */
export const usccOfNameKey = (sk: string) => sk.slice(sk.lastIndexOf('#') + 1);

/** Keys to delete and to put when a business's name changes from `before` (null: new entry) to `after`. */
export function nameKeyChanges(before: string | null, after: string, uscc: string): { remove: NameKey[]; add: NameKey[] } {
  const id = (k: NameKey) => `${k.pk}|${k.sk}`;
  const old = before === null ? [] : nameKeys(before, uscc);
  const next = nameKeys(after, uscc);
  const oldIds = new Set(old.map(id));
  const nextIds = new Set(next.map(id));
  return { remove: old.filter((k) => !nextIds.has(id(k))), add: next.filter((k) => !oldIds.has(id(k))) };
}
