// IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no Node APIs, astro:content or zod here.
/**
 * Web APIs a lab's code may use that the JavaScript engine does not have, written in JavaScript and evaluated
 * before the harness (src/lib/labs/code-harness.ts). Empty until a lab needs one.
 */
export const WEB_APIS = '';
