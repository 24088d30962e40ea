// Deterministic corpus of Chirpy-style posts: Korean and English prose, 20% with math, code
// blocks, lists, links, two-level categories and tags from a pool of about 60.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so every run writes the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN =
  'the quick model learns from data while every engineer reads careful notes about systems networks compilers and small tools'.split(
    ' ',
  );
const KO =
  '데이터 모델 학습 글쓰기 회고 선형대수 고유값 행렬 분해 배포 실험 관리 네트워크 컨테이너 서비스 공부 이론 실습'.split(
    ' ',
  );
const TOPS = ['Programming', 'Machine Learning', 'ETC', 'Blogging', 'Math', 'Systems', 'Web', 'Data'];
const SUBS = ['Tutorial', 'Notes', 'Retrospective', 'Deep Dive'];
const TAGS = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `태그${i}` : `tag${i}`));

/**
 * `languages` (codes, the first the default) makes a multilingual corpus, as polyglot blogs keep
 * one: post i is the translation into `languages[i % L]` of group `floor(i / L)`, under the
 * language's folder and with the group's file name.
 */
export function generate(dir, count, seed = 42, languages = undefined) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = (words, n) => Array.from({ length: n }, () => pick(words)).join(' ');
  for (let i = 0; i < count; i += 1) {
    const korean = rand() < 0.5;
    const math = rand() < 0.2;
    // One post a day going back from 2026-01-01, so no post is in the future (those are not built).
    const group = languages ? Math.floor(i / languages.length) : i;
    const language = languages ? languages[i % languages.length] : undefined;
    const day = new Date(Date.UTC(2026, 0, 1) - group * 86400000);
    const date = day.toISOString().slice(0, 10);
    const tags = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(TAGS)))];
    const title = korean ? `${sentence(KO, 3)} ${i}` : `Post ${i}: ${sentence(EN, 4)}`;
    const paragraphs = Array.from({ length: 6 }, () => sentence(korean ? KO : EN, 40) + '.');
    const body = [
      `## ${korean ? '소개' : 'Introduction'}`,
      paragraphs[0],
      paragraphs[1],
      `- ${sentence(EN, 4)}\n- ${sentence(EN, 5)}\n- [a link](https://example.com/${i})`,
      `## ${korean ? '본문' : 'Details'}`,
      paragraphs[2],
      '```python\ndef f(x):\n    return x * 2\n\nprint(f(' + i + '))\n```',
      paragraphs[3],
      ...(math
        ? ['Inline $a^2 + b^2 = c^2$ and', '$$\n\\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6}\n$$']
        : []),
      `### ${korean ? '정리' : 'Summary'}`,
      paragraphs[4],
      paragraphs[5],
    ].join('\n\n');
    const front = [
      '---',
      `title: "${title}"`,
      `date: ${date} 09:00:00 +0900`,
      `categories: [${pick(TOPS)}, ${pick(SUBS)}]`,
      `tags: [${tags.join(', ')}]`,
      ...(math ? ['math: true'] : []),
      '---',
    ].join('\n');
    const folder = language && language !== languages[0] ? join(dir, language) : dir;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${date}-post-${group}.md`), `${front}\n\n${body}\n`);
  }
}
