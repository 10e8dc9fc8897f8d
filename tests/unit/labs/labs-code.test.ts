import { describeLabs } from './lab-content.ts';

/** Every code lab's solution passes and every wrong answer fails, in QuickJS (tests/unit/labs/lab-content.ts). */
describeLabs('code');
