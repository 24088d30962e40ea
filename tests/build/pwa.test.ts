/**
 * The offline mode (`pwa`): a service worker keeps visited pages, which then open without a
 * network; a new build's worker waits, and the page offers to reload into it. Off by default.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

const posts = {
  '2024-01-01-hello.md': post({ title: 'Hello' }, 'Some text to read offline.'),
  '2024-01-02-private.md': post({ title: 'Private' }),
};

describe('the offline mode in Chromium', () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    site = await buildSite('pwa', {
      posts,
      options: { title: 'Offline', pwa: { cache: { denyPaths: ['/posts/private/'] } } },
    });
    served = await serve(site.dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('opens a page visited before when the network is gone, but not a denied one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Controlled from the next load on: visit the pages to keep.
    await page.goto(`${served.url}/posts/hello/`);
    await page.goto(`${served.url}/posts/private/`);
    await page.goto(`${served.url}/posts/hello/`);
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').first().textContent()).toContain('Hello');
    expect(await page.locator('.content').textContent()).toContain('Some text to read offline.');
    const denied = await page.goto(`${served.url}/posts/private/`).catch(() => null);
    expect(denied === null || !denied.ok()).toBe(true);
    await context.close();
  });

  it('offers the next build when its worker is waiting, and reloads into it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.locator('.pwa-update').isVisible()).toBe(false);
    // A new build: another worker script.
    const file = join(site.dist, 'sw.js');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace(/"cache":"chirpy-[^"]+"/, '"cache":"chirpy-next"'));
    try {
      await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
      );
      const notice = page.locator('.pwa-update');
      await notice.waitFor({ state: 'visible' });
      expect(await notice.getAttribute('role')).toBe('status');
      expect(await axeViolations(page)).toEqual({ light: [], dark: [] });
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
      expect(await page.evaluate(() => caches.keys())).toContain('chirpy-next');
    } finally {
      writeFileSync(file, before);
      await context.close();
    }
  });

  it('is off by default: no worker, no notice', async () => {
    const plain = await buildSite('pwa-off', { posts, options: { title: 'Online' } });
    expect(plain.exists('/sw.js')).toBe(false);
    expect(plain.read('/')).not.toContain('serviceWorker');
    expect(plain.read('/')).not.toContain('pwa-update');
  });
});
