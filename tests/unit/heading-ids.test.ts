import { describe, expect, it } from 'vitest';
import { gfmHeadingId, HeadingIdRegistry } from '../../packages/theme/src/markdown/kramdown/headings/heading-ids.ts';

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
