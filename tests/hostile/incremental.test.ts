/**
 * With the content store kept (as the deploy workflow keeps it), a post's page is rendered again
 * when what its Liquid reads changes, not only its own file: `site.data`, the site's options
 * (`site.title`), another post's URL (`{% post_url %}`). Before, the old text and a dead link
 * stayed published with no error. Likewise a file the post reads with `{% include_relative %}`
 * from the posts folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgain, buildSite, post } from '../helpers/site.ts';

describe('a kept content store renders a Liquid post again when what it reads changes', () => {
  it('site data, the site title and another post’s slug', async () => {
    const spec = {
      posts: {
        '2024-01-01-reader.md': post(
          { title: 'Reader' },
          'Motto: {{ site.data.info.motto }}. Site: {{ site.title }}. [Other]({% post_url 2024-01-02-other %}).',
        ),
        '2024-01-02-other.md': post({ title: 'Other' }),
        '2024-01-03-plain.md': post({ title: 'Plain' }, 'No Liquid here.'),
      },
      files: { 'src/data/info.yml': 'motto: first\n' },
      options: { title: 'First Title' },
    };
    const first = await buildSite('incremental-liquid', spec);
    const text = (site: typeof first) => site.html('/posts/reader/').querySelector('.content')!.toString();
    expect(text(first)).toContain('Motto: first. Site: First Title.');
    expect(text(first)).toContain('href="/posts/other/"');

    // The loader's summary (utils/sync-progress.ts) says how many posts were rendered again.
    const renderedAgain = (site: typeof first) => /3 posts in [\d.]+ s: (\d+) rendered/.exec(site.logs)?.[1];
    expect(renderedAgain(first)).toBe('3');

    // Another post's text is no input of the Liquid post: only the edited post is rendered again.
    const plain = join(first.root, 'src/content/posts/2024-01-03-plain.md');
    writeFileSync(plain, `${readFileSync(plain, 'utf8')}\nOne more sentence.\n`);
    const edited = await buildAgain(first.root, spec);
    expect(renderedAgain(edited)).toBe('1');
    expect(edited.html('/posts/plain/').querySelector('.content')!.text).toContain('One more sentence.');
    expect(text(edited)).toContain('Motto: first. Site: First Title.');

    writeFileSync(join(first.root, 'src/data/info.yml'), 'motto: second\n');
    const data = await buildAgain(first.root, spec);
    expect(text(data)).toContain('Motto: second.');
    expect(renderedAgain(data)).toBe('1');

    const title = await buildAgain(first.root, { options: { title: 'Second Title' } });
    expect(text(title)).toContain('Site: Second Title.');

    const other = join(first.root, 'src/content/posts/2024-01-02-other.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('title: Other', 'title: Other\nslug: moved'));
    const moved = await buildAgain(first.root, { options: { title: 'Second Title' } });
    expect(text(moved)).toContain('href="/posts/moved/"');
    expect(moved.exists('/posts/moved/')).toBe(true);
  });

  it('a file read with include_relative', async () => {
    const spec = {
      posts: {
        '2024-01-01-reader.md': post({ title: 'Reader' }, 'Note: {% include_relative note.html %}'),
        '2024-01-03-plain.md': post({ title: 'Plain' }, 'No Liquid here.'),
      },
      files: { 'src/content/posts/note.html': 'first note' },
    };
    const first = await buildSite('incremental-include-relative', spec);
    const text = (site: typeof first) => site.html('/posts/reader/').querySelector('.content')!.toString();
    expect(text(first)).toContain('Note: first note');

    writeFileSync(join(first.root, 'src/content/posts/note.html'), 'second note');
    const again = await buildAgain(first.root, {});
    expect(text(again)).toContain('Note: second note');
    expect(text(again)).not.toContain('first note');
  });
});
