/**
 * The shape of a dictionary: the English one's, with its words widened to any string. A language whose dictionary
 * lacks a key, or has one English does not, fails the type check.
 */
import type { en } from './en.ts';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
