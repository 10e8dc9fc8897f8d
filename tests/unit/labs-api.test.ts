import { describeLabs } from './lab-content.ts';

/** Every API lab's solution passes and every wrong answer fails, in QuickJS over PGlite (tests/unit/lab-content.ts). */
describeLabs('api');
