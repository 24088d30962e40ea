import { describe, expect, it } from 'vitest';
import { mediaUrl } from '../../packages/theme/src/utils/media.ts';

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
});
