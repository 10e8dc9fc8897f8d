/**
 * The shape of an entry id (lower-case words joined by hyphens: "http-caching"), in one place for the content
 * schemas and for the browser code that checks ids it reads from storage or a URL. No zod, so pages stay light.
 */

/** An entry id: lower-case letters and digits, words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a string shaped like an entry id. */
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
