import { defineCollection } from 'astro:content';
import { chirpyLoader } from 'astro-theme-chirpy/loaders';

// BENCH_WORKERS (bench/run.mjs --workers): the render pool's size; unset, the loader's default.
const workers = process.env.BENCH_WORKERS;

export const collections = {
  posts: defineCollection({
    loader: chirpyLoader(workers === undefined ? {} : { workers: workers === 'auto' ? 'auto' : Number(workers) }),
  }),
};
