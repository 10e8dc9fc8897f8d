import { describeLabs } from './lab-content.ts';

/** Every Python database lab's solution passes and every wrong answer fails, in Pyodide over PGlite (lab-content.ts). */
describeLabs('python-db');
