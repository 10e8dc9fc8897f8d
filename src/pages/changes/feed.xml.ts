/** The Atom feed of the latest changes (/changes/feed.xml), linked from every page's head. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../../lib/atom-feed';
import { getChanges } from '../../lib/change-log';
import { changesFeed } from '../../lib/changes';
import { DEFAULT_SITE_URL } from '../../lib/site';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(changesFeed(await getChanges(), site ?? new URL(DEFAULT_SITE_URL))), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
