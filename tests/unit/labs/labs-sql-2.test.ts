import { describeLabs } from './lab-content.ts';

/** The other half of the SQL labs (see labs-sql.test.ts). */
describeLabs('sql', { part: 1, of: 2 });
