import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  posts: defineCollection({
    loader: glob({ base: 'src/content/posts', pattern: '**/*.md' }),
    schema: z.object({ title: z.string() }).loose(),
  }),
};
