import { defineConfig } from 'astro/config';
import chirpy from 'astro-theme-chirpy';

export default defineConfig({
  site: 'https://bench.example.com',
  integrations: [chirpy({ title: 'Benchmark', timezone: 'Asia/Seoul' })],
});
