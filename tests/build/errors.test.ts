/**
 * Bad input stops the build with a message that names the file, the field, the value and
 * what was expected; two posts at one URL stop it naming both files.
 */
import { describe, expect, it } from 'vitest';
import { buildFailure, post } from '../helpers/site.ts';

describe('build errors', () => {
  it('names the file, field, value and expectation for a bad date', async () => {
    const message = await buildFailure('error-date', {
      posts: {
        '2024-01-01-good.md': post({ title: 'Good' }),
        'sub/2024-01-02-bad-date.md': post({ title: 'Bad', date: '2021-13-45' }),
      },
    });
    expect(message).toContain('src/content/posts/sub/2024-01-02-bad-date.md');
    expect(message).toMatch(/date/);
    expect(message).toContain('"2021-13-45"');
    expect(message).toMatch(/expected a date like 2024-01-31/);
  });

  it('names the field for a wrong type', async () => {
    const message = await buildFailure('error-type', {
      posts: { '2024-01-01-bad-pin.md': post({ title: 'Bad', pin: 'sometimes' }) },
    });
    expect(message).toContain('2024-01-01-bad-pin.md');
    expect(message).toMatch(/pin/);
    expect(message).toContain('expected true or false, got "sometimes"');
  });

  it('stops when two posts would share a URL, naming both files', async () => {
    const message = await buildFailure('error-clash', {
      posts: {
        '2024-01-01-same.md': post({ title: 'One' }),
        'other/2023-05-05-same.md': post({ title: 'Two' }),
      },
    });
    expect(message).toMatch(/Two posts would share the URL \/posts\/same\//);
    expect(message).toContain('src/content/posts/2024-01-01-same.md');
    expect(message).toContain('src/content/posts/other/2023-05-05-same.md');
  });

  it('stops when a slug field collides with another file name', async () => {
    const message = await buildFailure('error-slug-clash', {
      posts: {
        '2024-01-01-first.md': post({ title: 'One' }),
        '2024-02-02-second.md': post({ title: 'Two', slug: 'first' }),
      },
    });
    expect(message).toMatch(/Two posts would share the URL \/posts\/first\//);
  });

  it('stops on bad theme options, naming the option', async () => {
    const message = await buildFailure('error-options', {
      posts: { '2024-01-01-a.md': post({ title: 'A' }) },
      options: { timezone: 'Nowhere/City' },
    }).catch((error: Error) => error.message);
    expect(message).toMatch(/timezone: "Nowhere\/City" is not an IANA timezone name/);
  });

  it('stops when a redirect_from path is a live page, naming both files', async () => {
    const message = await buildFailure('error-redirect', {
      posts: {
        '2024-01-01-live.md': post({ title: 'Live' }),
        '2024-01-02-mover.md': post({ title: 'Mover', redirect_from: '[/posts/live/]' }),
      },
    });
    expect(message).toMatch(
      /redirect_from: src\/content\/posts\/2024-01-02-mover\.md redirects from \/posts\/live\/, where src\/content\/posts\/2024-01-01-live\.md is published/,
    );
  });
});
