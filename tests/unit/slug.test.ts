import { describe, expect, it } from 'vitest';
import { encodePath, slugifyPretty, slugifyTerm, titleizeSlug } from '../../packages/theme/src/utils/slug.ts';

describe('post slugs (Jekyll pretty mode, case kept)', () => {
  it.each([
    ['getting-started', 'getting-started'],
    ['Spring-Boot', 'Spring-Boot'],
    ['hello world', 'hello-world'],
    ['모델 설정', '모델-설정'],
    ['C++ templates', 'C++-templates'],
    ['[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1', 'Effective-C++-1.-C++에-왔으면-C++의-법을-따릅시다-1'],
    ["what's new (v2)", "what's-new-(v2)"],
    ['a / b ? c # d', 'a-b-c-d'],
    ['  leading and trailing  ', 'leading-and-trailing'],
    ['email@example.com;x=1', 'email@example.com;x=1'],
    ['한글_제목', '한글_제목'],
    ['a\\b', 'a-b'],
  ])('%s -> %s', (input, expected) => {
    expect(slugifyPretty(input)).toBe(expected);
  });

  it('gives one slug for NFC and NFD spellings of the same Korean name', () => {
    const nfc = '회고'.normalize('NFC');
    const nfd = '회고'.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(slugifyPretty(nfd)).toBe(slugifyPretty(nfc));
  });
});

describe('category and tag slugs (Jekyll default mode, lowercased)', () => {
  it.each([
    ['getting started', 'getting-started'],
    ['Blogging', 'blogging'],
    ['C++', 'c'],
    ['C#', 'c'],
    ['C', 'c'],
    ['AI & Data', 'ai-data'],
    ['자료 구조', '자료-구조'],
    ['Node.js', 'node-js'],
    ['[Spring] Boot', 'spring-boot'],
  ])('%s -> %s', (input, expected) => {
    expect(slugifyTerm(input)).toBe(expected);
  });
});

describe('URL encoding as Jekyll writes it', () => {
  it('encodes non-ASCII as uppercase UTF-8 and keeps sub-delimiters', () => {
    expect(encodePath('/posts/모델-설정/')).toBe('/posts/%EB%AA%A8%EB%8D%B8-%EC%84%A4%EC%A0%95/');
    expect(encodePath("/posts/Effective-C++-1.-(x)!,;=@'&$/")).toBe("/posts/Effective-C++-1.-(x)!,;=@'&$/");
  });

  it('matches encodeURI for pretty slugs', () => {
    const slug = slugifyPretty('[Effective C++] 1. C++에 왔으면 C++의 법을 따릅시다 1');
    expect(encodePath(`/posts/${slug}/`)).toBe(encodeURI(`/posts/${slug}/`));
  });
});

describe('titles from file names', () => {
  it('capitalises each dash-separated word like Jekyll', () => {
    expect(titleizeSlug('hello-world')).toBe('Hello World');
    expect(titleizeSlug('API-design')).toBe('Api Design');
  });
});
