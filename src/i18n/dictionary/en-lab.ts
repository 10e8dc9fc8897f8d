/**
 * A lab's page in English (dictionary/en.ts holds it): what the build draws (`lab`), what the workbench's scripts say
 * (`labView`, plain templates with {name} slots, read from the page's `data-words`), and what the SQL checks say of a
 * run (`sqlRun`, handed to the engine with the lab's spec, so the worker writes its messages in the page's language).
 */
import { count } from '../../core/format/words.ts';
import { LAB_KIND_LABEL, LAB_LANGUAGE_LABEL } from '../../lib/labs/shared/lab-spec.ts';
import { STOP_WORDS } from '../../lib/labs/shared/stop-words.ts';
import { API_ENV_WORDS } from '../../lib/labs/api/index.ts';

/** A lab's page as the build draws it: its facts, the task's frame, the workbench, hints, solution and next step. */
export const lab = {
  kind: (label: string) => `Lab · ${label}`,
  kinds: LAB_KIND_LABEL,
  languages: LAB_LANGUAGE_LABEL,
  difficulty: 'Difficulty',
  difficulties: { beginner: 'beginner', intermediate: 'intermediate', advanced: 'advanced' },
  time: 'Time',
  minutes: (n: number) => `about ${String(n)} min`,
  checks: 'Checks',
  checkCount: (n: number) => count(n, 'check'),
  scenarioCount: (n: number) => count(n, 'hidden scenario'),
  hiddenTests: 'hidden tests',
  task: 'Task',
  practises: 'Practises:',
  preparesFor: 'Prepares for:',
  /** Before the links to the lab's concurrency timelines, which end the sentence. */
  timelines:
    'This lab runs one session, so it checks the shape of your fix. To watch the race it guards against with two sessions on a real PostgreSQL server, see',
  and: ' and ',
  yourAnswer: 'Your answer',
  /** "SQL · runs on PostgreSQL 18.6 (PGlite) in your browser." */
  runsOn: (language: string, engine: string) => `${language} · runs on ${engine}.`,
  engines: {
    sql: (postgres: string) => `${postgres} in your browser`,
    code: 'a JavaScript engine running in your browser (QuickJS), with no access to this site, your storage or the network',
    api: (postgres: string) =>
      `a JavaScript engine (QuickJS), in JavaScript or TypeScript, over ${postgres}, both in your browser; your handler cannot reach this site, your storage or the network`,
    apiPython: (postgres: string, python: string) =>
      `a JavaScript engine (QuickJS) for JavaScript and TypeScript, or ${python} for an ASGI app, over ${postgres}, all in your browser; your handler cannot reach this site, your storage or the network`,
    python: (python: string) => `${python} in your browser, with no access to this site, your storage or the network`,
    pythonDb: (python: string, postgres: string) =>
      `${python} over ${postgres}, both in your browser; your code reaches the database through an asyncpg connection, and nothing else: not this site, your storage or the network`,
  },
  /** After the engine line: the newest release of its engine, or of its two ("Python 3.15 and PostgreSQL 19"). */
  newest: (release: string, other?: string) =>
    other ? ` The newest releases are ${release} and ${other}.` : ` The newest release is ${release}.`,
  language: 'Language',
  starterCode: 'Starter code',
  pythonStarter: 'Python starter',
  start: 'Start the lab',
  run: 'Run and check',
  stop: 'Stop',
  reset: 'Reset to starter',
  loadingEngine: 'Loading the engine',
  noJs: (engine: string) =>
    `Running and checking your answer needs JavaScript: the checks run on ${engine}. The task, the hints and the solution below read without it.`,
  draftKept: (seconds: number) =>
    `Your draft is kept in this browser as you type. A run is stopped after ${String(seconds)} seconds, or at once with Stop.`,
  hints: 'Hints',
  hintIntro: 'Try first; each hint gives a little more away than the one before.',
  showHint: 'Show a hint',
  solution: 'Solution',
  referenceSolution: 'Reference solution',
  inPython: 'In Python, as an ASGI app',
  referencePython: 'Reference solution in Python',
  /** An API lab: what the handler gets (inline code in backticks), and the request panel. */
  api: {
    envHeading: 'What `env` offers',
    envLead: 'Your handler is `fetch(request, env)`: `request` is a standard Request, and `env` holds:',
    pythonHeading: 'In Python: what `app(scope, receive, send)` gets',
    pythonLead:
      'Your app is `async def app(scope, receive, send)`, as uvicorn runs it, with its lifespan state in `scope["state"]`:',
    sendOwn: 'Send your own request',
    panelLead:
      'The handler in the editor answers, on a database of its own that keeps what your requests write until you reset it.',
    method: 'Method',
    path: 'Path',
    headers: 'Headers, one per line as Name: value',
    body: 'Body',
    send: 'Send',
    resetData: 'Reset the data',
    copyCurl: 'Copy as curl',
  },
  /** What each member of an API lab's `env` (or a Python app's scope) means, and the note under the editor. */
  env: API_ENV_WORDS,
  next: {
    label: 'After this lab',
    nextLab: 'Next lab:',
    back: (topic: string) => `Back to the topic ${topic}`,
    /** What a screen reader hears after "Passed…", since revealing the links announces nothing. */
    sayNext: (lab: string, topic: string) => `Next, linked below: the lab “${lab}”, or back to the topic ${topic}.`,
    sayBack: (topic: string) => `Linked below: back to the topic ${topic}.`,
  },
};

/** What the workbench's scripts say: templates whose {name} slots they fill (src/core/format/fill.ts). */
export const labView = {
  continue: 'Continue the lab',
  start: 'Start the lab',
  passedOn: 'Passed on {day}. ',
  dateLocale: 'en-GB',
  loadingEditor: 'Loading the editor…',
  couldNotStart: 'The lab could not start: {message}. Reload the page to try again.',
  startFailed: 'The {what} could not start: {message}. Reload the page to try again.',
  startOffline:
    'The {what} could not start: its files did not download. Offline, a lab starts once it has been started here online (or its roadmap saved for offline); online, reload the page to try again. Your draft is kept.',
  /** What could not start, in the two messages above. */
  what: { lab: 'lab', engine: 'engine' },
  starting: {
    sql: 'Starting Postgres in your browser…',
    http: 'Starting Postgres and the JavaScript engine in your browser…',
    python: 'Starting Python in your browser…',
    code: 'Starting the JavaScript engine in your browser…',
  },
  loading: 'Loading {what}',
  loadingSaid: 'Loading {what}, {mb} MB…',
  downloaded: '{what} downloaded ({mb} MB), starting…',
  progress: '{what} {loaded} of {total} MB',
  ready: 'Ready ({seconds} s{offline}). {hint}',
  alsoOffline: ', also offline',
  readyKeys: 'Write your answer, then run it with {keys}.',
  readyTouch: 'Write your answer, then press Run and check.',
  editorKeys: 'Tab indents. Press Escape, then Tab, to leave the editor. {keys} runs the checks.',
  editorTouch: 'Run and check, under the editor, runs the checks.',
  editorLabel: 'Your {language}',
  pickStarting: 'Starting {language}…',
  pickReady: '{language} is ready.',
  draftLabel: 'Your draft, kept in this browser',
  notSaving:
    'This browser is not saving (storage is full or blocked): your draft and passes last only until you leave this page. Export your progress from Your progress to keep them.',
  resetConfirm: 'Replace your answer with the starter code? Your current draft will be lost.',
  solutionConfirm: 'Show the solution before your first try? You learn more from one attempt, even a wrong one.',
  showHint: 'Show hint {n} of {total}',
  running: 'Running…',
  checkedIn: 'Checked in {ms} ms.',
  engineFailed: 'The engine failed: {message}',
  notYet: 'Not yet: {message}',
  starterError: 'the starter code cannot run until you fill it in.',
  starterAsGiven: 'that is the starter as given, not an answer yet.',
  yourTask: 'Your task: ',
  stoppedByYou: 'Stopped: {message}',
  stoppedIn: ' It was still running {inThe} “{name}”.',
  passedBeforeStop: ' {passed} of {total} {many} passed before the stop.',
  errorAt: 'your code stopped with an error: {message}',
  errorOnLine: 'your code stopped with an error on line {line}: {message}',
  passedOne: 'Passed: {the} passes. Well done.',
  passedAll: 'Passed: {all} pass. Well done.',
  failedOne: '{the} does not pass.',
  tallyOne: '{passed} of {total} {many} passes.',
  tallyMany: '{passed} of {total} {many} pass.',
  firstToFix: ' First to fix: {name}',
  /** What grades a run, in the forms the messages above take: "3 of 4 checks pass", "the test does not pass". */
  graders: {
    checks: {
      one: 'check',
      many: 'checks',
      the: 'the check',
      inThe: 'in the check',
      all: 'all {n} checks',
      theMany: 'the checks',
    },
    tests: {
      one: 'test',
      many: 'tests',
      the: 'the test',
      inThe: 'in the test',
      all: 'all {n} tests',
      theMany: 'the tests',
    },
    scenarios: {
      one: 'scenario',
      many: 'scenarios',
      the: 'the scenario',
      inThe: 'in the scenario',
      all: 'all {n} scenarios',
      theMany: 'the scenarios',
    },
  },
  lookFor: 'What {theMany} look for',
  checksLabel: 'Checks',
  passed: 'Passed: ',
  failed: 'Failed: ',
  notRun: 'Not run: ',
  output: 'Output',
  error: 'Error',
  console: 'Console',
  planOf: 'Plan of statement {n}',
  rowsOf: 'Rows of statement {n}',
  rowsOne: '1 row',
  rowsMany: '{n} rows',
  firstShown: ' (first {n} shown)',
  lineAt: ' (line {line})',
  lineColumnAt: ' (line {line}, column {column})',
  /** What a stopped or failed run says (the engine host fills these: src/lib/labs/shared/engine-stop.ts). */
  stop: STOP_WORDS,
  /** An API lab's exchanges, its requests sent at once and its request panel. */
  http: {
    request: 'Request',
    response: 'Response',
    noResponse: 'no response',
    noResponseSaid: 'No response.',
    stopped: 'No response: stopped.',
    lineAt: ' (line {line})',
    expected: 'The test expected',
    sqlRan: 'SQL it ran ({n})',
    none: 'None.',
    statement: 'Statement {n}',
    parameters: 'Parameters: {list}',
    error: 'Error {error}',
    affectedOne: '1 row affected',
    affectedMany: '{n} rows affected',
    statementsOne: '1 SQL statement',
    statementsMany: '{n} SQL statements',
    atOnce: '{n} requests sent at once: {list}',
    requestLetter: 'Request {letter}: ',
    turn: 'Request {letter}, statement {n}',
    turnSql: '{who}: SQL',
    shared:
      'They shared one database session: each request ran until its next statement, then the next request took its turn; a transaction ran to its end before the other went on.',
    order: 'The statements in the order they ran ({n})',
    pathSlash: 'The path starts with a slash, e.g. /books/1.',
    headerLine: 'Write each header as Name: value (not "{line}").',
    noBody: 'A {method} request has no body: clear it, or choose POST, PUT or PATCH.',
    curlCopied: 'Copied a curl command for this request, aimed at localhost:8787 (where wrangler dev serves).',
    curlCopiedPython: 'Copied a curl command for this request, aimed at 127.0.0.1:8000 (where uvicorn serves).',
    curlShown: 'This browser did not allow copying: the curl command is shown below to copy by hand.',
    curlLabel: 'curl command',
    resetting: 'Setting the data up afresh, then sending…',
    sending: 'Sending…',
    answered: 'Answered {status}.',
    noAnswer: 'No response: {error}',
    handlerFailed: 'the handler failed',
    resetNext: 'The data goes back to the lab’s own rows on your next request.',
  },
};

/** What an API lab's hidden tests say of a run (src/lib/labs/api/api-words.ts, where the engine reads them). */
export { API_RUN_WORDS as apiRun } from '../../lib/labs/api/index.ts';
/** What an SQL lab's checks say of a run (src/lib/labs/sql/sql-words.ts, where the engine reads them). */
export { SQL_RUN_WORDS as sqlRun } from '../../lib/labs/sql/index.ts';
/** What a code lab's harness says of a run (src/lib/labs/code/code-words.ts, where the engine reads them). */
export { CODE_RUN_WORDS as codeRun } from '../../lib/labs/code/index.ts';
/** What a Python lab's harness says of a run (src/lib/labs/python/python-words.ts, where the engine reads them). */
export { PYTHON_RUN_WORDS as pythonRun } from '../../lib/labs/python/index.ts';
