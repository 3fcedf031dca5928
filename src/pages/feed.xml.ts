// Atom feed of the latest meetings.
import type { APIRoute } from 'astro';
import { absolute, records } from '../site/archive.ts';
import { atomFeed } from '../site/feed.ts';
import { routes } from '../site/paths.ts';

export const GET: APIRoute = async () =>
  new Response(
    atomFeed({
      title: 'Parley: latest meetings',
      subtitle: 'Reported meetings between foreign ministers, newest first.',
      selfUrl: absolute(routes.feed()),
      pageUrl: absolute(routes.home()),
      meetings: await records(),
      meetingUrl: (slug) => absolute(routes.meeting(slug)),
    }),
    { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } },
  );
