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
    expect(script.getAttribute('src')).toBe('https://utteranc.es/client.js');
    expect(script.getAttribute('data-repo')).toBe('owner/blog');
    expect(script.getAttribute('data-issue-term')).toBe('pathname');
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
