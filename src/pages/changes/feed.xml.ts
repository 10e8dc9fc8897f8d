/** The Atom feed of the latest changes (/changes/feed.xml), linked from every page's head. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../../lib/changes/atom-feed.ts';
import { getChanges } from '../../lib/changes/change-log.ts';
import { changesFeed } from '../../lib/changes/changes.ts';
import { DEFAULT_SITE_URL } from '../../lib/site/site.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(changesFeed(await getChanges(), site ?? new URL(DEFAULT_SITE_URL))), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
