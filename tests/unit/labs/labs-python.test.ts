import { describeLabs } from './lab-content.ts';

/** Every Python lab's solution passes and every wrong answer fails, on Pyodide (tests/unit/labs/lab-content.ts). */
describeLabs('python');
