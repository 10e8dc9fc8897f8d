import { describeLabs } from './lab-content.ts';

/** Every SQL lab's solution passes and every wrong answer fails, on PGlite (tests/unit/lab-content.ts). */
describeLabs('sql');
