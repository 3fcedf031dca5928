// The meetings collection: the converter's Markdown, validated by the same schema it was written with.
import { defineCollection } from 'astro:content';
import { meetingsLoader } from './build/meetings-loader.ts';
import { meetingSchema } from './schema/meeting.ts';

export const collections = {
  meetings: defineCollection({
    // PARLEY_MEETINGS_DIR lets tests and the benchmark build a site from a scratch conversion.
    loader: meetingsLoader({ base: process.env.PARLEY_MEETINGS_DIR ?? 'content/meetings' }),
    schema: meetingSchema,
  }),
};
