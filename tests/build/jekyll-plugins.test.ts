/**
 * Liquid tags of the Jekyll plugins Chirpy blogs use, in a real build: jekyll-scholar's citations
 * from the site's `.bib` files (markdown/liquid/scholar.ts), a site include, and a post whose `.bib`
 * file changes rendered again with the content store kept.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgain, buildSite, post } from '../helpers/site.ts';

const BIB = `@book{ruby,
  title     = {The Ruby Programming Language},
  author    = {Flanagan, David and Matsumoto, Yukihiro},
  year      = {2008},
  publisher = {O'Reilly Media}
}
@article{other,
  title   = {Another Paper},
  author  = {Doe, Jane},
  journal = {Journal of Things},
  year    = {2020},
  volume  = {3},
  pages   = {1--10}
}
`;

describe('jekyll-scholar and site includes', () => {
  it('cites, lists the cited references, and renders again when the .bib changes', async () => {
    const spec = {
      posts: {
        '2024-01-01-paper.md': post(
          { title: 'Paper' },
          'As shown before {% cite ruby %}, and see {% include note.html text="this" %}.\n\n## References\n\n{% bibliography --cited %}',
        ),
        '2024-01-02-plain.md': post({ title: 'Plain' }),
      },
      files: {
        'src/bibliography/references.bib': BIB,
        'src/includes/note.html': '<span class="note">{{ include.text }}</span>',
      },
    };
    const site = await buildSite('jekyll-plugins', spec);
    const content = () => site.html('/posts/paper/').querySelector('.content')!;
    const citation = content().querySelector('a.citation')!;
    expect(citation.getAttribute('href')).toBe('#ruby');
    expect(citation.text).toBe('(Flanagan & Matsumoto, 2008)');
    expect(content().querySelector('span.note')!.text).toBe('this');
    const items = content().querySelectorAll('ol.bibliography li');
    expect(items).toHaveLength(1);
    expect(items[0]!.querySelector('span')!.getAttribute('id')).toBe('ruby');
    expect(items[0]!.text).toContain('The Ruby Programming Language');
    expect(site.read('/posts/plain/')).not.toContain('bibliography');

    writeFileSync(join(site.root, 'src/bibliography/references.bib'), BIB.replace('{2008}', '{2009}'));
    const again = await buildAgain(site.root, {});
    expect(again.html('/posts/paper/').querySelector('a.citation')!.text).toBe('(Flanagan & Matsumoto, 2009)');
  });

  it('a citation without .bib files stops the build, saying where they go', async () => {
    const { buildFailure } = await import('../helpers/site.ts');
    const message = await buildFailure('jekyll-plugins-no-bib', {
      posts: { '2024-01-01-paper.md': post({ title: 'Paper' }, 'Text.\n\n{% cite ruby %}') },
    });
    expect(message).toContain('src/content/posts/2024-01-01-paper.md:');
    expect(message).toMatch(/Bibliography file not found|src\/bibliography/);
  });
});
