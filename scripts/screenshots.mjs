// Builds nothing: serves the already built example blog (`pnpm build` first) with
// `astro preview` and saves screenshots of it to docs/, using Debian's Chromium.
//   pnpm build && pnpm screenshots
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS } from './chromium.mjs';

const PORT = 4399;
const BASE = `http://127.0.0.1:${PORT}`;

const server = spawn(
  'pnpm',
  ['exec', 'astro', 'preview', '--root', 'examples/blog', '--host', '127.0.0.1', '--port', String(PORT)],
  {
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  },
);
try {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(BASE)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  mkdirSync('docs', { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: FLAGS,
  });
  const shots = [
    { name: 'home-light', path: '/', width: 1280, height: 800, scheme: 'light' },
    { name: 'post-dark', path: '/posts/math/', width: 1280, height: 800, scheme: 'dark' },
    { name: 'home-mobile', path: '/', width: 360, height: 740, scheme: 'light' },
    // The end of a post: categories, tags, the share icons, the license line.
    {
      name: 'post-tail-light',
      path: '/posts/getting-started/',
      width: 1280,
      height: 800,
      scheme: 'light',
      element: '.post-tail',
    },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
    });
    await page.goto(BASE + shot.path, { waitUntil: 'networkidle' });
    const target = shot.element ? page.locator(shot.element) : page;
    await target.screenshot({ path: `docs/${shot.name}.png` });
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
