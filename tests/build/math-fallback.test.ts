/**
 * A formula KaTeX rejects and MathJax draws is drawn by MathJax in a real build (MathJax loaded
 * with Node's require while Astro renders: through Vite's module runner it failed the build with
 * "Vite module runner has been closed").
 */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../helpers/site.ts';

describe('the MathJax fallback in a build', () => {
  it('draws what KaTeX rejects, and the build goes on', async () => {
    const site = await buildSite('math-fallback', {
      posts: {
        '2024-01-01-falling.md': post(
          { title: 'Falling powers', math: true },
          'Falling: $x^\\underline{n}$ and $a^2$.',
        ),
      },
    });
    const content = site.html('/posts/falling/').querySelector('.content')!;
    expect(content.querySelectorAll('.math-mathjax')).toHaveLength(1);
    expect(content.querySelector('.math-mathjax svg')).not.toBeNull();
    expect(site.logs).not.toMatch(/module runner has been closed/);
  });
});
