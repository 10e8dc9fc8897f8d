/**
 * What an API lab's hidden tests say of a run, in English: templates whose {name} slots the tests fill. A page in
 * another language hands the engine its own (the dictionary's `apiRun`, src/i18n/dictionary/) with the lab's spec, so
 * the worker writes its messages in the page's language. Status codes, headers, JSON and the learner's own values are
 * quoted as they are.
 */
import { STOP_WORDS } from '../shared/stop-words.ts';

export const API_RUN_WORDS = {
  /** Where in a JSON value a mismatch is, at the top. */
  theBody: 'the body',
  theRows: 'the rows',
  nothing: 'nothing',
  shouldBeKind: '{at} should be {kind}, got {value}',
  /** The kinds a test's `<number>`, `<string>` … name. */
  kinds: { any: 'any', number: 'number', string: 'string', array: 'array', object: 'object' },
  shouldBeList: '{at} should be a list, got {value}',
  shouldHaveOne: '{at} should have 1 item, got {n}',
  shouldHaveMany: '{at} should have {count} items, got {n}',
  shouldBeObject: '{at} should be an object, got {value}',
  shouldNotBeThere: '{at} should not be there, got {value}',
  isMissing: '{at} is missing',
  shouldBe: '{at} should be {expected}, got {value}',
  /** What a step expects, a line each beside its exchange. */
  expectStatus: 'status {status}',
  or: ' or ',
  expectNoHeader: 'no {name} header',
  expectHeader: 'header {name} matching {pattern}',
  expectJson: 'a JSON body like {json}',
  expectEmpty: 'an empty body',
  expectBody: 'a body matching {pattern}',
  expectNoLeak: 'a body that does not reveal internals ({pattern})',
  expectQueriesOne: 'at most 1 SQL statement',
  expectQueriesMany: 'at most {n} SQL statements',
  expectNoQuery: 'no SQL statement whose text or parameters hold {pattern}',
  expectSame: 'the same status, Content-Type and body as {request} got',
  theEarlier: 'the earlier response',
  /** Why a response falls short. */
  status: 'Expected status {allowed}, got {status}.',
  noHeaderExpected: 'Expected no {name} header, got "{value}".',
  headerMissing: 'Expected the {name} header; the response has none.',
  headerMismatch: 'Expected the {name} header to match {pattern}, got "{value}".',
  leak: 'The body reveals internals ("{leak}"): a client should not see database errors. Answer with your own message.',
  bodyWanted: 'Expected {wanted}, got {value}.',
  noJson: 'Expected a JSON body; the response has none.',
  notJson: 'Expected a JSON body, got {value}.',
  inJson: 'In the JSON body, {found}.',
  theParameter: 'the parameter {param}',
  inSql: 'input the request sent, in its SQL text',
  reached:
    'A statement the request ran holds {where}: {sql}. Refuse input the task rules out before it reaches the database; a statement that only fails on it can still lock, log it, or answer differently on another server.',
  noDatabaseOne: 'The request ran 1 SQL statement; it should not touch the database.',
  noDatabaseMany: 'The request ran {n} SQL statements; it should not touch the database.',
  tooManyOne: 'The request ran {n} SQL statements; at most 1 is allowed.',
  tooManyMany: 'The request ran {n} SQL statements; at most {max} are allowed.',
  /** A response that should have been the same answer as an earlier one. */
  differs: 'This answer differs from the one {request} got, so a client can tell the two cases apart:',
  differsStatus: '{lead} status {here} here, {there} there.',
  differsType: '{lead} Content-Type {here} here, {there} there.',
  differsJson: '{lead} in the JSON body, {at} is {here} here and {there} there.',
  differsBody: '{lead} the bodies part at character {n}: {here} here, {there} there.',
  /** What an id each request sent reads as where both bodies echo it. */
  echo: '⟨the id⟩',
  /** The lab's rules, held against every response. */
  ruleType: 'a {status} must be {wanted}, as the task says of every such response; this one is {type}.',
  noType: 'sent with no Content-Type',
  ruleProblemType:
    'an error must be problem details (application/problem+json), as the task says of every error; this {status} is {type}.',
  ruleProblem: 'an error must be problem details, as the task says of every error; in this {status}, {fault}.',
  problemNotJson: 'its body is not JSON',
  problemNotObject: 'its body is not a JSON object',
  problemNoTitle: 'it has no "title" that says what went wrong',
  problemStatus: 'its "status" is {said}, not the response\'s {status}',
  ruleAuth: 'a 401 must say how to authenticate with WWW-Authenticate ({pattern}), as the task says; this one {said}.',
  ruleCache: 'a {status} must carry Cache-Control matching {pattern}, as the task says; this one {said}.',
  hasNone: 'has none',
  says: 'says "{value}"',
  /** A step's request, as a test tells it; a path too long to read is cut, with its length. */
  longPath: '{start}… ({count} characters)',
  stopped: '{request} was stopped before it answered.',
  noResponse: '{request} got no response: {error}',
  handlerFailed: 'the handler failed',
  problemAt: '{request}: {problem}',
  noCapture: '{request}: the response has no {what}, which the next requests need.',
  jsonMember: 'JSON member {name}',
  header: 'header {name}',
  atOnce: 'Request {letter} of {n} sent at once: {problem}',
  /** One of the requests sent at once left a transaction open. */
  leftOpenAtOnce:
    'Your handler answered with a transaction still open, so its work was rolled back before the other request went on: COMMIT (or ROLLBACK) before you answer.',
  leftOpen:
    'Your handler returned with a transaction still open, so its work was rolled back: COMMIT (or ROLLBACK) before you answer.',
  afterwards: '{message} (In the database afterwards, {found}.)',
  notRun: 'Not run: a whole check stops after {seconds} seconds.',
  earlierStopped: 'An earlier request was stopped.',
  /** A request stopped at its time or memory limit (the page's stop words: src/lib/labs/shared/lab-spec.ts). */
  stop: STOP_WORDS,
  /** A request the engine could not finish. */
  never:
    'Your handler never answered: its promise can no longer settle (nothing else is running). Look for a missing return or await, or a new Promise whose resolve is never called.',
  unreadable: 'The handler answered something that could not be read.',
  refused: 'refused: more than {n} statements in one request',
  /** A Python app's request. */
  pythonStopped:
    'Stopped after {seconds} seconds, the limit of one request, without a response. Look for a loop that never ends, or an await that never finishes.',
  pythonMemory:
    "Stopped: your app needed more than the lab's {mb} MB of memory. Look for something that grows without end (a list that keeps growing, a string that keeps doubling).",
  traceback: 'Traceback (your code only):',
  late: 'After its response, your app raised {message}',
  /** A Python app that broke the ASGI contract (src/lib/labs/python/asgi_host.py names each by its key). */
  asgi: {
    notBytes: '{what} must be bytes, like b"content-type", got {type}',
    headerName: 'A header name',
    headerValue: 'A header value',
    sendDict: "send() takes a dict such as {'type': 'http.response.start', ...}, got {type}",
    startedTwice: 'The response was started twice: send http.response.start once per request.',
    status: 'http.response.start needs an int status from 100 to 599, got {status}',
    bodyFirst: 'http.response.body came before http.response.start: start the response first.',
    bodyAfterEnd: 'A body came after the response ended (more_body was False): send each response once.',
    bodyBytes: 'The body must be bytes, e.g. json.dumps(data).encode(), got {type}',
    messageType: 'send() got a message of type {kind}: an HTTP app sends http.response.start, then http.response.body',
    noResponse:
      "Your app returned without a response: await send({'type': 'http.response.start', ...}) and then send the body.",
    unfinished:
      'Your app returned before the response ended: the last http.response.body must have more_body False (the default).',
    noApp: 'Define your app at the top level: async def app(scope, receive, send): ...',
    notAsync: 'app must be an async function: async def app(scope, receive, send)',
  },
};

type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> };
export type ApiRunWords = Words<typeof API_RUN_WORDS>;
