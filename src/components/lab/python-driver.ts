/**
 * The asyncpg-shaped driver's files (src/lib/labs/python/asyncpg/) as text for a page's Pyodide worker: the Python
 * database labs' engine and the Python API labs' engine install the same driver (python-db-lab.ts `installPythonDb`).
 */
import init from '../../lib/labs/python/asyncpg/__init__.py?raw';
import codecs from '../../lib/labs/python/asyncpg/_codecs.py?raw';
import exceptions from '../../lib/labs/python/asyncpg/exceptions.py?raw';
import record from '../../lib/labs/python/asyncpg/record.py?raw';
import transaction from '../../lib/labs/python/asyncpg/transaction.py?raw';
import type { PYTHON_DB_FILES } from '../../lib/labs/python/index.ts';

export const DRIVER_SOURCES: Record<(typeof PYTHON_DB_FILES)[number], string> = {
  'asyncpg/__init__.py': init,
  'asyncpg/_codecs.py': codecs,
  'asyncpg/exceptions.py': exceptions,
  'asyncpg/record.py': record,
  'asyncpg/transaction.py': transaction,
};
