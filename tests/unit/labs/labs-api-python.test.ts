import { describePythonApiLabs } from './lab-content.ts';

/** Every API lab's Python version passes with its ASGI solution and fails each wrong answer, in Pyodide over PGlite. */
describePythonApiLabs();
