// The meetings collection: the converter's Markdown, validated by the same schema it was written with.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { meetingSchema } from './schema/meeting.ts';

export const collections = {
  meetings: defineCollection({
    loader: glob({ pattern: '*.md', base: './content/meetings' }),
    schema: meetingSchema,
  }),
};
