import { describeLabs } from './lab-content.ts';

/** Every API lab's solution passes and every wrong answer fails, in QuickJS over PGlite (tests/unit/labs/lab-content.ts). */
describeLabs('api');
