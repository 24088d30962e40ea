import { describe, expect, it } from 'vitest';
import { mediaUrl, resolveDotSegments } from '../../packages/theme/src/utils/media.ts';

describe('media paths', () => {
  it('makes bare relative paths root-relative and applies media_subpath and cdn', () => {
    expect(mediaUrl('assets/img/x.png')).toBe('/assets/img/x.png');
    expect(mediaUrl('pages-source-light.png', { subpath: '/posts/20180809' })).toBe(
      '/posts/20180809/pages-source-light.png',
    );
    expect(mediaUrl('/commons/devices-mockup.png', { cdn: 'https://chirpy-img.netlify.app' })).toBe(
      'https://chirpy-img.netlify.app/commons/devices-mockup.png',
    );
    expect(mediaUrl('x.png', { cdn: 'https://cdn.example.com/', subpath: '/a/' })).toBe(
      'https://cdn.example.com/a/x.png',
    );
    expect(mediaUrl('/x.png', { base: '/blog/' })).toBe('/blog/x.png');
  });

  it('leaves URLs with a scheme alone', () => {
    expect(mediaUrl('https://example.com/x.png', { cdn: 'https://cdn.example.com' })).toBe('https://example.com/x.png');
    expect(mediaUrl('data:image/webp;base64,AA', { subpath: '/a' })).toBe('data:image/webp;base64,AA');
    expect(mediaUrl('//example.com/x.png', { subpath: '/a' })).toBe('//example.com/x.png');
  });

  it('resolves `.` and `..` as the browser does, so a path written relative to the post file is the file it names', () => {
    // `_posts/x.md` → `../../assets/img/x.png`: Chirpy 7 publishes `/../../assets/img/x.png` (Chirpy 6 left it
    // relative, read against /posts/<slug>/); either way the browser loads /assets/img/x.png.
    expect(mediaUrl('../../assets/img/x.png')).toBe('/assets/img/x.png');
    expect(mediaUrl('./x.png', { subpath: '/posts/20180809' })).toBe('/posts/20180809/x.png');
    expect(mediaUrl('../shared/x.png', { subpath: '/img/posts' })).toBe('/img/shared/x.png');
    expect(mediaUrl('../x.png', { cdn: 'https://cdn.example.com/', subpath: '/a/b' })).toBe(
      'https://cdn.example.com/a/x.png',
    );
    expect(mediaUrl('../../x.png', { base: '/blog' })).toBe('/blog/x.png');
    expect(mediaUrl('../x.png?v=1#top', { subpath: '/a/b' })).toBe('/a/x.png?v=1#top');
  });

  it('resolves dot segments by RFC 3986: never above the root, a final `..` names a folder', () => {
    expect(resolveDotSegments('/../../a')).toBe('/a');
    expect(resolveDotSegments('/a/b/../c')).toBe('/a/c');
    expect(resolveDotSegments('/a/./b/.')).toBe('/a/b/');
    expect(resolveDotSegments('/a/b/..')).toBe('/a/');
    expect(resolveDotSegments('/posts/slug/../../x..png')).toBe('/x..png');
    expect(resolveDotSegments('/a/.hidden/b')).toBe('/a/.hidden/b');
    expect(resolveDotSegments('/a/b?x=/../y')).toBe('/a/b?x=/../y');
  });
});
