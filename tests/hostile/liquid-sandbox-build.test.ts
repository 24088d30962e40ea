/**
 * The Liquid sandbox in a real build: a site's own `src/includes/` works, the project's `.env`
 * stays private, and a post that reads files or never ends stops the build naming it.
 */
import { describe, expect, it } from 'vitest';
import { buildFailure, buildSite, post } from '../helpers/site.ts';

const SECRET = 'SECRET=do-not-publish';

describe('Liquid sandbox in a build', () => {
  it("renders the site's own includes, with parameters, and publishes no file of the project", async () => {
    const site = await buildSite('liquid-sandbox', {
      files: {
        '.env': SECRET,
        'src/includes/note.html': '<span class="note">{{ include.text }} ({{ page.title }})</span>',
      },
      posts: {
        '2024-01-01-includes.md': post(
          { title: 'Includes' },
          [
            'Before {% include note.html text="from the include" %} after.',
            '',
            '{% include .env %}',
            '',
            '{{ "x" | base64_encode }}',
          ].join('\n'),
        ),
      },
    });
    const html = site.read('/posts/includes/');
    expect(html).toContain('<span class="note">from the include (Includes)</span>');
    expect(html).not.toContain(SECRET);
    expect(site.logs).toMatch(
      /src\/content\/posts\/2024-01-01-includes\.md:7: Liquid \{% include \.env %\} includes a file this theme does not have/,
    );
  });

  it('stops on a tag that would read a file, naming the post and the line', async () => {
    const message = await buildFailure('liquid-sandbox-render', {
      files: { '.env': SECRET },
      posts: { '2024-01-01-render.md': post({ title: 'Render' }, 'Text.\n\n{% render .env %}') },
    });
    expect(message).toContain(
      'src/content/posts/2024-01-01-render.md:7: Liquid syntax error: unknown tag "render" (Jekyll 4\'s Liquid has no such tag)',
    );
    expect(message).not.toContain(SECRET);
  });

  it('stops on a loop that would not end for 40 minutes, naming the post and the line', async () => {
    const start = performance.now();
    const message = await buildFailure('liquid-sandbox-loop', {
      posts: {
        '2024-01-01-fine.md': post({ title: 'Fine' }),
        '2024-01-02-loop.md': post(
          { title: 'Loop' },
          'Text.\n\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}',
        ),
      },
    });
    expect(message).toMatch(
      /src\/content\/posts\/2024-01-02-loop\.md:7: Liquid error: (?:rendering took longer|more than)/,
    );
    expect(performance.now() - start).toBeLessThan(120_000);
  });
});
