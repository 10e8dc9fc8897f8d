import type { AstroIntegration } from 'astro';
import { checkContent, formatIssues, topicFloorsFromEnv } from '../lib/content/integrity.ts';
import { readContentDir } from '../lib/content/content-files.ts';

/**
 * Fails `astro build`, `astro check`, `astro sync` and `astro dev` start-up when the content is unsound,
 * listing every problem with its file and field. See src/lib/content/integrity.ts for the rules.
 */
export default function contentIntegrity(): AstroIntegration {
  return {
    name: 'backend-atlas:content-integrity',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'preview') return; // preview serves an existing build
        const entries = readContentDir();
        const issues = checkContent(entries, { topicFloors: topicFloorsFromEnv() });
        if (issues.length > 0) {
          throw new Error(
            `Content has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${formatIssues(issues)}`,
          );
        }
        logger.info(
          `${entries.length} content files checked: references, ids, aliases, roadmap rules, prose syntax and diagrams are sound.`,
        );
      },
    },
  };
}
