/**
 * /topic-review/<id>.json: one topic as a review card — its title, summary and self-check — fetched by the topic
 * review on /practice/ for the cards it shows, so that page does not carry every topic's answers.
 */
import type { APIRoute } from 'astro';
import { getTopics, type Topic } from '../../lib/content/content.ts';
import type { TopicCard } from '../../lib/content/topic-index.ts';

export async function getStaticPaths() {
  return (await getTopics()).map((topic) => ({ params: { id: topic.id }, props: { topic } }));
}

export const GET: APIRoute = ({ props }) => {
  const { title, summary, selfCheck } = (props as { topic: Topic }).topic.data;
  const card: TopicCard = {
    title,
    summary,
    selfCheck: selfCheck.map(({ question, answer }) => ({ question, answer })),
  };
  return new Response(JSON.stringify(card), { headers: { 'Content-Type': 'application/json' } });
};
