/** The api kind's one public entry: what the rest of the site uses of it. */
export { type ApiRequestStep, type ApiRuntime, type ApiStep, type RequestSignature } from './api-spec.ts';
export { oneAfterAnother, requestLetter, uncaughtRace } from './api-concurrent.ts';
export { API_ENV_WORDS, apiRunNote, type EnvMember, envMembers, pythonAppMembers } from './api-env.ts';
export {
  API_RUN_LIMIT_MS,
  type LoadApp,
  MODULE_TRANSFORM,
  type OpenApiDatabase,
  type OwnApiDatabase,
} from './api-lab.ts';
export {
  type ApiApp,
  type ApiRunPhases,
  type RequestTarget,
  resetDatabase,
  runStep,
  sendConcurrent,
  type StepRun,
  type TestDatabase,
  toRequest,
} from './api-test.ts';
export { cappedEngine } from './api-engine.ts';
export { serveApi, serveApiLabs } from './api-server.ts';
export { REQUEST_LIMIT_MS, type RequestContext } from './api-request.ts';
export { errorFields } from './api-values.ts';
export { mediaType, responseHeader } from './api-expect.ts';
/** What its hidden tests say of a run, in English: the dictionary's `apiRun` (src/i18n/dictionary/). */
export { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';
