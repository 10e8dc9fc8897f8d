/**
 * The keys a cache holds, least recently used first per node, with their time to live. Keys are ranks 0…n−1 and
 * each lives on one node, so one set of typed arrays indexed by key holds every node's list: a get or set is a few
 * array writes (a Map kept in LRU order by delete and re-insert was three quarters of a run's time).
 * SHARED BY BUILD AND BROWSER CODE.
 */

const NONE = -1;

export class CacheStore {
  private readonly before: Int32Array;
  private readonly after: Int32Array;
  private readonly held: Uint8Array;
  private readonly stored: Float64Array;
  private readonly versions: Float64Array;
  /** Per node: the least and the most recently used key, and how many it holds. */
  private readonly oldest: Int32Array;
  private readonly newest: Int32Array;
  private readonly sizes: Int32Array;
  readonly room: number;
  readonly ttl: number;

  constructor(keys: number, nodes: number, room: number, ttl: number) {
    this.before = new Int32Array(keys);
    this.after = new Int32Array(keys);
    this.held = new Uint8Array(keys);
    this.stored = new Float64Array(keys);
    this.versions = new Float64Array(keys);
    this.oldest = new Int32Array(nodes).fill(NONE);
    this.newest = new Int32Array(nodes).fill(NONE);
    this.sizes = new Int32Array(nodes);
    this.room = room;
    this.ttl = ttl;
  }

  size(node: number) {
    return this.sizes[node]!;
  }

  /** The version held for a key, or undefined on a miss (absent or expired, then forgotten). */
  get(node: number, key: number, now: number): number | undefined {
    if (this.held[key] === 0) return undefined;
    this.unlink(node, key);
    if (this.ttl > 0 && now - this.stored[key]! >= this.ttl) return undefined;
    this.link(node, key);
    return this.versions[key];
  }

  /** Stores a key's version as of `now`, evicting the least recently used key of a full node. */
  set(node: number, key: number, version: number, now: number) {
    if (this.held[key] === 1) this.unlink(node, key);
    if (this.room < 1) return;
    if (this.sizes[node]! >= this.room) this.unlink(node, this.oldest[node]!);
    this.stored[key] = now;
    this.versions[key] = version;
    this.link(node, key);
  }

  delete(node: number, key: number) {
    if (this.held[key] === 1) this.unlink(node, key);
  }

  /** Forgets every key of every node. */
  clear() {
    this.held.fill(0);
    this.oldest.fill(NONE);
    this.newest.fill(NONE);
    this.sizes.fill(0);
  }

  private link(node: number, key: number) {
    const last = this.newest[node]!;
    this.before[key] = last;
    this.after[key] = NONE;
    if (last === NONE) this.oldest[node] = key;
    else this.after[last] = key;
    this.newest[node] = key;
    this.held[key] = 1;
    this.sizes[node]! += 1;
  }

  private unlink(node: number, key: number) {
    const previous = this.before[key]!;
    const next = this.after[key]!;
    if (previous === NONE) this.oldest[node] = next;
    else this.after[previous] = next;
    if (next === NONE) this.newest[node] = previous;
    else this.before[next] = previous;
    this.held[key] = 0;
    this.sizes[node]! -= 1;
  }
}
