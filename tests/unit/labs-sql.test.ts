import { describeLabs } from './lab-content';

/** Every SQL lab's solution passes and every wrong answer fails, on PGlite (tests/unit/lab-content.ts). */
describeLabs('sql');
