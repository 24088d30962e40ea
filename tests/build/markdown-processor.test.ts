/**
 * The theme works whether or not the site already configured a Markdown processor: its
 * plugins join a unified() processor the site set up, and replace Astro's default. Typography
 * is kramdown's, read by the parser, and no SmartyPants pass runs after it (an escaped quote stays
 * straight, a single tilde stays text), unless the site turned smart punctuation off.
 */
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../helpers/site.ts';

/**
 * A remark plugin of the site's own: it appends a marker paragraph to every post, saying what it
 * saw of the escaped quotes (`\"kept\"`) in the text it was given. The theme once handed the site's
 * plugins private-use stand-ins for escaped characters, put back only after them.
 */
function remarkMarker() {
  return (tree: { children: unknown[] }) => {
    const texts: string[] = [];
    const collect = (node: { value?: unknown; children?: unknown[] }) => {
      if (typeof node.value === 'string') texts.push(node.value);
      for (const child of node.children ?? []) collect(child as typeof node);
    };
    collect(tree);
    const all = texts.join(' ');
    const saw = /[\uE000-\uF8FF]/u.test(all) ? 'SAW-PRIVATE-USE' : all.includes('"kept"') ? 'SAW-KEPT' : 'SAW-NEITHER';
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: `SITE-PLUGIN-RAN ${saw}` }] });
  };
}

const posts = {
  '2024-01-01-math.md': post(
    { title: 'Math', math: true },
    'Inline $a^2$ here.\n\nPages 1--2, ``x\'\' and <<y>>, \\"kept\\" 0~9.',
  ),
};

const prose = (site: Awaited<ReturnType<typeof buildSite>>) =>
  site.html('/posts/math/').querySelectorAll('.content p')[1]!.text;

describe('Markdown processors', () => {
  it("adds its plugins to the site's own unified() processor, keeping the site's plugins", async () => {
    const site = await buildSite('processor-unified', {
      posts,
      astro: { markdown: { processor: unified({ remarkPlugins: [remarkMarker] }) } },
    });
    const content = site.html('/posts/math/').querySelector('.content')!;
    expect(content.text).toContain('SITE-PLUGIN-RAN SAW-KEPT');
    expect(content.querySelector('.katex')).not.toBeNull();
    expect(prose(site)).toBe('Pages 1\u20132, ``x\u2019\u2019 and \u00aby\u00bb, "kept" 0~9.');
  });

  it("keeps the site's own choice of no smart punctuation", async () => {
    const site = await buildSite('processor-smartypants-off', {
      posts,
      astro: { markdown: { processor: unified({ smartypants: false }) } },
    });
    expect(prose(site)).toBe('Pages 1--2, ``x\'\' and <<y>>, "kept" 0~9.');
  });

  it("replaces Astro's default processor so math renders", async () => {
    const site = await buildSite('processor-default', { posts });
    expect(site.html('/posts/math/').querySelector('.content .katex')).not.toBeNull();
    // kramdown's typography: `--` an en dash, backticks as typed, `''` closing single quotes.
    expect(prose(site)).toBe('Pages 1\u20132, ``x\u2019\u2019 and \u00aby\u00bb, "kept" 0~9.');
  });
});
