import { defineConfig } from 'astro/config';
import chirpy from 'astro-theme-chirpy';

export default defineConfig({
  site: 'https://chirpy-astro.example.com',
  integrations: [
    chirpy({
      title: 'Chirpy on Astro',
      tagline: 'A text-focused blog theme, now on Astro.',
      description: 'The example blog of astro-theme-chirpy: every feature, shown and explained.',
      avatar: '/images/avatar.svg',
      author: 'Chirpy Astro',
      paginate: 5,
      timezone: 'Asia/Seoul',
      locale: 'en',
      social: [
        { type: 'github', url: 'https://github.com/example/astro-theme-chirpy', label: 'GitHub' },
        { type: 'email', url: 'hello@example.com', label: 'Email' },
      ],
    }),
  ],
});
