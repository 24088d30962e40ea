import { describe, expect, it } from 'vitest';
import { collectRedirects, redirectFile } from '../../packages/theme/src/utils/redirects.ts';

describe('redirect_from', () => {
  it('writes each old path where a static host serves it', () => {
    expect(redirectFile('/old-url/')).toBe('old-url/index.html');
    expect(redirectFile('/2019/08/08/old.html')).toBe('2019/08/08/old.html');
    expect(redirectFile('old')).toBe('old/index.html');
    expect(redirectFile('/%ED%9A%8C%EA%B3%A0/')).toBe('회고/index.html');
  });

  it('stops when two posts claim one old path, or an old path is a live page', () => {
    const posts = [
      { id: 'a', file: 'a.md', from: ['/old/'] },
      { id: 'b', file: 'b.md', from: ['/old'] },
    ];
    expect(() => collectRedirects(posts, () => undefined)).toThrowError(
      'redirect_from: a.md and b.md both redirect from /old.',
    );
    expect(() =>
      collectRedirects([{ id: 'a', file: 'a.md', from: ['/posts/b/'] }], (file) =>
        file === 'posts/b/index.html' ? 'b.md' : undefined,
      ),
    ).toThrowError('redirect_from: a.md redirects from /posts/b/, where b.md is published.');
    expect(collectRedirects([{ id: 'a', file: 'a.md', from: ['/x/', '/y.html'] }], () => undefined)).toEqual([
      { file: 'x/index.html', from: '/x/', to: 'a' },
      { file: 'y.html', from: '/y.html', to: 'a' },
    ]);
  });
});
