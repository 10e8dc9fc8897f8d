/** The code kind's one public entry: what the rest of the site uses of it. */
export { type CodeEngineScripts, type Transpile, TYPESCRIPT_TRANSFORM } from './code-lab.ts';
export { serveCodeLabs } from './code-server.ts';
export { CODE_RUN_WORDS, type CodeRunWords } from './code-words.ts';
