/** Answers that pass the labs the browser specs start (content.ts's sqlLab and codeLab), written once for every spec. */

/** Passes sqlLab (an index for a customer's orders). */
export const SQL_FIX =
  'CREATE INDEX orders_customer_id_idx ON orders (customer_id);\nANALYZE orders;\nEXPLAIN SELECT * FROM orders WHERE customer_id = 42;';
/** Passes codeLab (an LRU cache). */
export const LRU = `class LRUCache {
  constructor(capacity) { this.capacity = capacity; this.entries = new Map(); }
  get(key) {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }
  set(key, value) {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value);
  }
  get size() { return this.entries.size; }
}`;
