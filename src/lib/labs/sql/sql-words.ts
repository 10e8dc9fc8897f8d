/**
 * What an SQL lab's checks say of a run, in English: templates whose {name} slots the checks fill. A page in another
 * language hands the engine its own (the dictionary's `sqlRun`, src/i18n/dictionary/) with the lab's spec, so the
 * worker writes its messages in the page's language. Postgres's own error messages stay as Postgres says them.
 */
export const SQL_RUN_WORDS = {
  rowsOne: '1 row',
  rowsMany: '{n} rows',
  othersOne: ' and 1 other',
  othersMany: ' and {n} others',
  columnsOne: '1 column',
  columnsMany: '{n} columns',
  columnCount: 'Your query returns {columns} ({yours}); the task asks for {n}: {theirs}.',
  columnNames: ' (Your columns are {yours}; the task names them {theirs}.)',
  precision: 'The rows are right except the precision of {column}{example}.',
  precisionExample: ': {yours} where {theirs} is expected',
  differOne: '{rows} differs from what the task asks for',
  differMany: '{rows} differ from what the task asks for',
  countDiffers: '{rows} where {n} are expected:',
  notThere: '{row} should not be there',
  missingRow: '{row} is missing',
  returns: 'Your query returns {shown} {parts}.',
  forExample: ' For example, {example}.',
  orderFrom: 'The rows are right but not in the order the task asks for, from row {n} on.',
  orderAt: 'The rows are right but not in the order the task asks for: row {n} is {yours}, expected {theirs}.',
  /** "2 rows missing: a tie for third place; 1 row too many: a refunded order and 1 other". */
  rowsPart: '{rows} {what}',
  rowsKinds: ': {kinds}',
  missing: 'missing',
  tooMany: 'too many',
  /** A row of the learner's that the expected rows hold fewer times. */
  repeated: 'rows listed more than once',
  rightNumber: 'the right number of rows, but',
  noReference: 'The reference solution returns no rows; this lab is broken. Please report it.',
  noRows: 'Your statements return no rows to compare: end with the query the task asks for.',
  checkingFailed: '{message} (Checking it failed: {error}.)',
  failedWith: '{message} (It failed, but with "{error}".)',
  postgresSaid: '{message} (Postgres said: "{error}".)',
  planNeedsQuery: '{message} (This check reads the plan of your query: end your SQL with it.)',
  planUnreadable: '{message} (The plan could not be read: {error}.)',
  planIs: '{message} The plan is:\n{plan}',
  indexesUnreadable: '{message} (Reading the indexes failed: {error}.)',
  indexesAre: '{message} The indexes on {table} are:\n{list}',
  noIndexes: '(none)',
  /** An index the learner built, in words ("orders_idx: unique btree on (customer_id), also storing (total)"). */
  indexLine: '{name}: {unique}{method} on ({keys})',
  anIndex: 'an index',
  unique: 'unique ',
  indexAlso: ', also storing ({columns})',
  indexOnly: ', only rows where {predicate}',
  notChecked: 'Not checked: your SQL stopped with an error.',
  rolledBack:
    'Your transaction was still open at the end, so it was rolled back, as Postgres does when a session ends without COMMIT.',
  withCase: 'With {case}',
  variantError: '{with}, your SQL stopped with an error, so this was not checked.',
  variantFailed: '{with}, your SQL failed: {message}',
  variantCheck: '{with}: {message}',
};

export type SqlRunWords = { readonly [K in keyof typeof SQL_RUN_WORDS]: string };
