import { describe, expect, it } from 'vitest';
import { gfmHeadingId, HeadingIdRegistry } from '../../packages/theme/src/markdown/heading-ids.ts';
import { mediaUrl } from '../../packages/theme/src/utils/media.ts';
import { countWords, excerpt, readingMinutes } from '../../packages/theme/src/utils/text.ts';

describe('heading ids (kramdown GFM rule)', () => {
  it.each([
    ['Getting Started', 'getting-started'],
    ['H1 — heading', 'h1--heading'],
    ['모델 설정', '모델-설정'],
    ['What is `x`?', 'what-is-x'],
    ['C++ & C#', 'c--c'],
    ['snake_case name', 'snake_case-name'],
  ])('%s -> %s', (text, id) => {
    expect(gfmHeadingId(text)).toBe(id);
  });

  it('numbers repeated headings', () => {
    const ids = new HeadingIdRegistry();
    expect(['Intro', 'Intro', 'Intro'].map((text) => ids.next(text))).toEqual(['intro', 'intro-1', 'intro-2']);
  });
});

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

describe('words and excerpts', () => {
  it('counts each CJK character as a word', () => {
    expect(countWords('hello world')).toBe(2);
    expect(countWords('글또 5기 회고')).toBe(6);
    expect(readingMinutes(179)).toBe(1);
    expect(readingMinutes(400)).toBe(2);
  });

  it('cuts long text at 200 characters with an ellipsis', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    const long = '가'.repeat(300);
    expect(excerpt(long)).toBe('가'.repeat(200) + '…');
  });
});
