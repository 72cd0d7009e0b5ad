import { AsyncLocalStorage } from 'node:async_hooks';
import { GetItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from './keys';

/**
 * The small catalogues that change only when the credit centre (or a bank) edits them — the rules,
 * the joint punishment measures, the 信易+ scenarios and the loan products — are cached in each
 * Lambda instance, and every request checks its copy against one version item:
 *
 *   CATALOGUES / VERSIONS   { rules: n, measures: n, incentives: n, products: n }
 *
 * - Every write of a catalogue adds one to its counter after the write succeeded (a reader that
 *   saw the old number and loaded the new data reloads once more; a reader can never keep old
 *   data under the new number).
 * - A signed-in request reads the item inside its session confirmation (one consistent
 *   BatchGetItem that runs beside the handler's first reads: no extra call, no extra wave); any
 *   other request reads it once, consistently, when it first needs a catalogue.
 * - A catalogue whose counter moved is reloaded by that request, so an edit is seen by every
 *   instance on its next request.
 *
 * The cache belongs to one composition root (buildDeps), so two app instances in one process keep
 * separate copies, as two Lambda instances do. Repositories stay unaware of it: `cachedCatalogue`
 * wraps one at the composition root, naming its loading method, the reads served from the loaded
 * list and the methods that write the catalogue. A new write method must be listed there.
 */
export const CATALOGUE_NAMES = ['rules', 'measures', 'incentives', 'products'] as const;
export type CatalogueName = (typeof CATALOGUE_NAMES)[number];
export type CatalogueVersions = Record<CatalogueName, number>;

interface RequestScope {
  versions?: Promise<CatalogueVersions>;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs one request (and everything it starts) with its own view of the catalogue versions. */
export function withCatalogueScope<T>(fn: () => T): T {
  return scope.run({}, fn);
}

/** Attribute names of the version item, for reads that add it to their own batch. */
export const catalogueVersionAttributes = CATALOGUE_NAMES;

/** The counters of a version item as read (absent item or counter: 0). */
export function versionsOf(item: Record<string, unknown> | undefined): CatalogueVersions {
  return Object.fromEntries(CATALOGUE_NAMES.map((n) => [n, Number(item?.[n] ?? 0)])) as CatalogueVersions;
}

/**
 * A read that carries the version item in its own batch offers it to the request here, before it
 * is sent: the request's catalogue reads then wait for that read instead of making their own.
 */
export function offerCatalogueVersions(versions: Promise<CatalogueVersions>): void {
  const s = scope.getStore();
  if (!s || s.versions) return;
  versions.catch(() => undefined);
  s.versions = versions;
}

async function readVersions(tableName: string): Promise<CatalogueVersions> {
  const out = await dynamoose.aws.ddb().send(new GetItemCommand({ TableName: tableName, Key: marshall(keys.catalogueVersions()), ConsistentRead: true }));
  const item = out.Item as Record<string, AttributeValue> | undefined;
  return versionsOf(item ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v.N ?? v.S])) : undefined);
}

/** Adds one to a catalogue's counter (after a write of it). */
export async function bumpCatalogueVersion(tableName: string, name: CatalogueName): Promise<void> {
  await dynamoose.aws.ddb().send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: marshall(keys.catalogueVersions()),
      UpdateExpression: 'ADD #n :one SET #entity = :entity',
      ExpressionAttributeNames: { '#n': name, '#entity': 'entity' },
      ExpressionAttributeValues: marshall({ ':one': 1, ':entity': 'CatalogueVersions' }),
    }),
  );
}

/** One instance's copies of the catalogues, each with the counter it was loaded under. */
export class CatalogueCache {
  private readonly entries = new Map<CatalogueName, { version: number; value: Promise<unknown> }>();

  constructor(private readonly tableName: string) {}

  /** This request's versions: offered by its session confirmation, else read once now. */
  private versions(): Promise<CatalogueVersions> {
    const s = scope.getStore();
    if (!s) return readVersions(this.tableName);
    s.versions ??= readVersions(this.tableName);
    return s.versions;
  }

  async get<T>(name: CatalogueName, load: () => Promise<T>): Promise<T> {
    const version = (await this.versions())[name];
    const entry = this.entries.get(name);
    if (entry && entry.version === version) return entry.value as Promise<T>;
    const value = load();
    this.entries.set(name, { version, value });
    value.catch(() => this.entries.get(name)?.value === value && this.entries.delete(name));
    return value;
  }

  /** After a write: forget the copy and move the counter. */
  async written(name: CatalogueName): Promise<void> {
    this.entries.delete(name);
    await bumpCatalogueVersion(this.tableName, name);
    this.entries.delete(name);
  }
}

type AsyncMethod = (...args: any[]) => Promise<any>;
type Methods<R> = { [K in keyof R]: R[K] extends AsyncMethod ? K : never }[keyof R];
type Loaded<R, L extends Methods<R>> = R[L] extends () => Promise<infer T> ? T : never;

/**
 * A repository whose `load` method (the whole catalogue, no arguments) is served from the cache,
 * with `derived` reads answered from the loaded catalogue, and whose `writes` move the counter.
 * Arrays are handed out as copies, so a caller's sort cannot reorder the cached one.
 */
export function cachedCatalogue<R extends object, L extends Methods<R>>(
  repo: R,
  cache: CatalogueCache,
  name: CatalogueName,
  spec: { load: L; derived?: Partial<Record<Methods<R>, (loaded: Loaded<R, L>, ...args: any[]) => unknown>>; writes: Array<Methods<R>> },
): R {
  const loadAll = () => cache.get(name, () => (repo[spec.load] as unknown as () => Promise<unknown>).call(proxy)) as Promise<Loaded<R, L>>;
  const copy = <T>(v: T): T => (Array.isArray(v) ? ([...v] as T) : v);
  const proxy: R = new Proxy(repo, {
    get(target, property, receiver) {
      if (property === spec.load) return async () => copy(await loadAll());
      const derive = spec.derived?.[property as Methods<R>];
      if (derive) return async (...args: unknown[]) => copy(derive(await loadAll(), ...args));
      const value = Reflect.get(target, property, receiver);
      if (typeof value === 'function' && spec.writes.includes(property as Methods<R>)) {
        return async (...args: unknown[]) => {
          const out = await (value as AsyncMethod).apply(receiver, args);
          await cache.written(name);
          return out;
        };
      }
      return value;
    },
  });
  return proxy;
}
