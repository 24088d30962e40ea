/**
 * Comments and analytics as Chirpy offers them: present only when configured, keyed on the
 * page path, analytics in production builds only.
 */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../helpers/site.ts';

const posts = {
  '2024-01-01-hello.md': post({ title: 'Hello' }),
  '2024-01-02-quiet.md': post({ title: 'Quiet', comments: false }),
};

describe('analytics and utterances', async () => {
  const site = await buildSite('third-party-a', {
    posts,
    options: {
      comments: { provider: 'utterances', repo: 'owner/blog' },
      analytics: {
        google: { id: 'G-TEST123' },
        goatcounter: { id: 'myblog' },
        umami: { id: 'umami-id', domain: 'stats.example.com' },
        matomo: { id: '7', domain: 'https://matomo.example.com/' },
        cloudflare: { id: 'cf-token' },
        fathom: { id: 'FATHOM' },
      },
    },
  });

  it('loads every configured analytics service on every page', () => {
    for (const path of ['/', '/posts/hello/', '/tags/', '/404.html']) {
      const html = site.read(path);
      expect(html, path).toContain('https://www.googletagmanager.com/gtag/js?id=G-TEST123');
      expect(html, path).toContain('data-goatcounter="https://myblog.goatcounter.com/count"');
      expect(html, path).toContain('src="https://stats.example.com/script.js" data-website-id="umami-id"');
      expect(html, path).toContain('https://matomo.example.com/');
      expect(html, path).toContain('data-cf-beacon="{&quot;token&quot;:&quot;cf-token&quot;}"');
      expect(html, path).toContain('src="https://cdn.usefathom.com/script.js" data-site="FATHOM"');
    }
  });

  it('adds utterances keyed on the path where comments are on', () => {
    const script = site.html('/posts/hello/').querySelector('#comments script')!;
    expect(script.text).toContain("'https://utteranc.es/client.js'");
    expect(JSON.parse(script.getAttribute('data-attributes')!)).toEqual({
      repo: 'owner/blog',
      'issue-term': 'pathname',
    });
    expect(site.read('/posts/quiet/')).not.toContain('utteranc.es');
  });
});

describe('disqus', async () => {
  const site = await buildSite('third-party-b', {
    posts,
    options: { comments: { provider: 'disqus', shortname: 'my-blog' } },
  });

  it('embeds the Disqus thread identified by the page path', () => {
    const page = site.html('/posts/hello/');
    expect(page.querySelector('#disqus_thread')).not.toBeNull();
    const html = site.read('/posts/hello/');
    const script = page.querySelectorAll('#comments script')[0]!;
    expect(script.getAttribute('data-shortname')).toBe('my-blog');
    expect(script.getAttribute('data-identifier')).toBe('/posts/hello/');
    expect(script.getAttribute('data-url')).toBe('https://example.com/posts/hello/');
    expect(html).toContain("'.disqus.com/embed.js'");
    expect(site.read('/posts/quiet/')).not.toContain('disqus');
  });

  it('loads no analytics when none are configured', () => {
    for (const file of site.files().filter((name) => name.endsWith('.html'))) {
      const html = site.read(`/${file}`);
      expect(html, file).not.toMatch(/googletagmanager|goatcounter|cloudflareinsights|usefathom|matomo/);
    }
  });
});

describe('page views from GoatCounter', async () => {
  const { axeViolations, launchBrowser } = await import('../helpers/browser.ts');
  const { serve } = await import('../helpers/serve.ts');
  const site = await buildSite('third-party-pageviews', {
    posts: { '2024-01-01-모델.md': post({ title: 'Model' }) },
    options: { analytics: { goatcounter: { id: 'myblog' } }, pageviews: { provider: 'goatcounter' } },
  });

  it("reads the post's count from GoatCounter's counter of its path, and shows it under the title", async () => {
    const counter = site.html('/posts/모델/').querySelector('.post-meta .pageviews')!;
    expect(counter.getAttribute('data-counter')).toBe(
      'https://myblog.goatcounter.com/counter/%2Fposts%2F%25EB%25AA%25A8%25EB%258D%25B8%2F.json',
    );
    const served = await serve(site.dist);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const asked: string[] = [];
      await page.route('https://myblog.goatcounter.com/**', (route) => {
        asked.push(route.request().url());
        return route.fulfill({ contentType: 'application/json', body: '{"count":"1,234","count_unique":"900"}' });
      });
      await page.goto(`${served.url}/posts/%EB%AA%A8%EB%8D%B8/`);
      const shown = page.locator('.post-meta .pageviews');
      await shown.waitFor({ state: 'visible' });
      expect(await shown.textContent()).toBe('1,234 views');
      expect(await axeViolations(page)).toEqual({ light: [], dark: [] });
      expect(asked).toEqual([
        'https://myblog.goatcounter.com/counter/%2Fposts%2F%25EB%25AA%25A8%25EB%258D%25B8%2F.json',
      ]);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it('is off unless turned on, and cannot be turned on without the GoatCounter site code', async () => {
    const other = await buildSite('third-party-no-pageviews', {
      posts,
      options: { analytics: { goatcounter: { id: 'myblog' } } },
    });
    expect(other.read('/posts/hello/')).not.toContain('pageviews');
    expect(other.read('/posts/hello/')).not.toContain('/counter/');
    const { parseChirpyConfig } = await import('../../packages/theme/src/config.ts');
    expect(() => parseChirpyConfig({ title: 'T', pageviews: { provider: 'goatcounter' } })).toThrow(
      'pageviews: GoatCounter page views need analytics.goatcounter.id',
    );
  });
});

describe("giscus follows the mode toggle, as Chirpy's does", async () => {
  const { launchBrowser } = await import('../helpers/browser.ts');
  const { serve } = await import('../helpers/serve.ts');
  const site = await buildSite('third-party-giscus', {
    posts,
    options: {
      comments: { provider: 'giscus', repo: 'owner/blog', repoId: 'R_1', category: 'Comments', categoryId: 'DIC_1' },
    },
  });

  it("starts in the page's mode and is told each change of the toggle", async () => {
    const served = await serve(site.dist);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ colorScheme: 'light' });
      // giscus.app stands in: its client makes the frame as giscus does, and the frame keeps
      // every message the page posts to it.
      await page.route('https://giscus.app/client.js', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          headers: { 'Access-Control-Allow-Origin': '*' },
          body: `(() => {
            const script = document.currentScript;
            const frame = document.createElement('iframe');
            frame.className = 'giscus-frame';
            frame.title = 'Comments';
            frame.src = 'https://giscus.app/widget?theme=' + script.getAttribute('data-theme') +
              '&term=' + encodeURIComponent(script.getAttribute('data-mapping'));
            script.after(frame);
          })();`,
        }),
      );
      await page.route('https://giscus.app/widget**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>giscus</title><script>window.received = []; addEventListener("message", (event) => window.received.push({ origin: event.origin, data: event.data }));</script>',
        }),
      );
      await page.goto(`${served.url}/posts/hello/`);
      const frameElement = await page.waitForSelector('iframe.giscus-frame', { state: 'attached' });
      expect(await frameElement.getAttribute('src')).toBe('https://giscus.app/widget?theme=light&term=pathname');
      const frame = (await frameElement.contentFrame())!;
      await frame.waitForFunction(() => Array.isArray((window as unknown as { received?: unknown[] }).received));
      const received = () => frame.evaluate(() => (window as unknown as { received: { data: unknown }[] }).received);
      await page.click('#mode-toggle');
      await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length === 1);
      await page.click('#mode-toggle');
      await frame.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length === 2);
      expect((await received()).map((message) => message.data)).toEqual([
        { giscus: { setConfig: { theme: 'dark_dimmed' } } },
        { giscus: { setConfig: { theme: 'light' } } },
      ]);
      // A reader who chose dark before gets a dark widget from the start.
      const next = await browser.newPage({ colorScheme: 'light' });
      await next.addInitScript(() => localStorage.setItem('chirpy-mode', 'dark'));
      await next.route('https://giscus.app/client.js', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          headers: { 'Access-Control-Allow-Origin': '*' },
          body: 'document.body.dataset.giscusTheme = document.currentScript.getAttribute("data-theme");',
        }),
      );
      await next.goto(`${served.url}/posts/hello/`);
      await next.waitForFunction(() => document.body.dataset.giscusTheme !== undefined);
      expect(await next.evaluate(() => document.body.dataset.giscusTheme)).toBe('dark_dimmed');
    } finally {
      await browser.close();
      await served.close();
    }
  });
});
