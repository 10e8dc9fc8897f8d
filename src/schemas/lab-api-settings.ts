/**
 * An API lab's hidden test may run under settings of its own (`env` on the test, lab-checks.ts), in place of the lab's
 * values, so an answer that copies the page's setting instead of reading env.NAME fails. It replaces only a setting
 * the lab names: the page says which settings exist.
 */
import type { Issues } from './lab-races.ts';

/** What the check reads of a lab. */
interface SettingsLab {
  env?: Record<string, string> | undefined;
  requests?: { env?: Record<string, string> | undefined }[] | undefined;
}

/**
 * A hidden test's own settings replace the lab's: each names one of the lab's `env` settings, and every setting has a
 * test that runs under another value of it.
 */
export function testSettings(lab: SettingsLab, ctx: Issues) {
  // Each setting the page names is also read under another value, or an answer that copies the page's would pass.
  for (const [name, value] of Object.entries(lab.env ?? {}))
    if (!lab.requests?.some((test) => test.env?.[name] !== undefined && test.env[name] !== value))
      ctx.addIssue({
        code: 'custom',
        path: ['env', name],
        message: `no hidden test runs under another value of ${name}, so an answer that writes "${value}" into its code would pass: give one test its own env: { ${name}: … }`,
      });
  lab.requests?.forEach((test, i) => {
    for (const name of Object.keys(test.env ?? {}))
      if (!(name in (lab.env ?? {})))
        ctx.addIssue({
          code: 'custom',
          path: ['requests', i, 'env', name],
          message: `is not one of the lab's env settings (${Object.keys(lab.env ?? {}).join(', ') || 'none'}); a test replaces a setting the page names, never adds one`,
        });
  });
}
