// Atom feed of one topic's meetings.
import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, knowledge, records } from '../../../site/archive.ts';
import { atomFeed } from '../../../site/feed.ts';
import { routes } from '../../../site/paths.ts';
import { topicTerms, type Term } from '../../../site/taxonomy.ts';

export const getStaticPaths = (async () =>
  topicTerms(await records(), knowledge()).map((term) => ({ params: { topic: term.id }, props: { term } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const term = (props as { term: Term }).term;
  return new Response(
    atomFeed({
      title: `Parley: ${term.label}`,
      subtitle: term.description,
      selfUrl: absolute(routes.topicFeed(term.id)),
      pageUrl: absolute(routes.topic(term.id)),
      meetings: term.meetings,
      meetingUrl: (slug) => absolute(routes.meeting(slug)),
    }),
    { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } },
  );
};
