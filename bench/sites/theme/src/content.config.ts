import { defineCollection } from 'astro:content';
import { chirpyLoader } from 'astro-theme-chirpy/loaders';

export const collections = { posts: defineCollection({ loader: chirpyLoader() }) };
