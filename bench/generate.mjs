// Deterministic corpus of Chirpy-style posts: Korean and English prose, 20% with math, code
// blocks, lists, links, two-level categories and tags from a pool of about 60.
// `heavy: true` writes the heavier corpus (generateHeavy below): long posts, half with math, many
// code blocks, tables, footnotes and images, with the image files (small PNGs) in `public/`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

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
export function generate(dir, count, seed = 42, languages = undefined, options = {}) {
  if (options.heavy) return generateHeavy(dir, count, seed, languages, options);
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

/** A PNG of `width` × `height` pixels in horizontal bands of two colours: a real, decodable file. */
function png(width, height, [r, g, b]) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    const light = Math.floor(y / 8) % 2 === 0;
    for (let x = 0; x < width; x += 1) {
      row[1 + x * 3] = light ? r : 255 - r;
      row[2 + x * 3] = light ? g : 255 - g;
      row[3 + x * 3] = light ? b : 255 - b;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Image folders under `/assets/img/bench/`, each with FIGURES figures, shared by the posts. */
const IMAGE_FOLDERS = 20;
const FIGURES = 4;

const CODE = [
  [
    'python',
    (i) =>
      `import math\n\n\ndef area(r):\n    """Area of a circle of radius r."""\n    return math.pi * r ** 2\n\n\nfor r in range(${i % 7}, ${(i % 7) + 5}):\n    print(f"{r}: {area(r):.3f}")`,
  ],
  [
    'javascript',
    (i) =>
      `export function debounce(fn, wait = ${i % 300}) {\n  let timer;\n  return (...args) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), wait);\n  };\n}\n\nconst log = debounce((x) => console.log(x));\nlog('post ${i}');`,
  ],
  [
    'bash',
    (i) =>
      `#!/usr/bin/env bash\nset -euo pipefail\nfor f in ./data/*.csv; do\n  wc -l "$f" | awk '{ print $1 }'\ndone\ngit log --oneline -n ${(i % 9) + 1}`,
  ],
  [
    'rust',
    (i) =>
      `use std::collections::HashMap;\n\nfn count(words: &[&str]) -> HashMap<&str, usize> {\n    let mut map = HashMap::new();\n    for w in words {\n        *map.entry(*w).or_insert(0) += 1;\n    }\n    map\n}\n\nfn main() {\n    println!("{:?}", count(&["a", "b", "a"]).len() + ${i % 11});\n}`,
  ],
  [
    'yaml',
    (i) =>
      `name: build\non: [push]\njobs:\n  site:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run build -- --retries ${i % 4}`,
  ],
  [
    'c',
    (i) =>
      `#include <stdio.h>\n\nint main(void) {\n    int sum = 0;\n    for (int k = 0; k < ${(i % 50) + 10}; k++) {\n        sum += k * k;\n    }\n    printf("%d\\n", sum);\n    return 0;\n}`,
  ],
  [
    '',
    (i) =>
      `$ ls -la /var/log\ntotal ${i % 97}\ndrwxr-xr-x  2 root root 4096 Jan  1 00:00 .\n-rw-r-----  1 root adm  1234 Jan  1 00:00 syslog`,
  ],
];

const INLINE_MATH = [
  'a^2 + b^2 = c^2',
  '\\lambda_{\\max}(A)',
  'e^{i\\pi} + 1 = 0',
  '\\nabla \\cdot \\mathbf{E} = \\rho / \\varepsilon_0',
  'f(x) = \\sum_{k=0}^{n} a_k x^k',
  '\\det(A - \\lambda I) = 0',
  'p(x \\mid \\theta)',
  '\\lVert x \\rVert_2',
];
const DISPLAY_MATH = [
  '\\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6}',
  '\\int_{-\\infty}^{\\infty} e^{-x^2} \\, dx = \\sqrt{\\pi}',
  'A = \\begin{pmatrix} a_{11} & a_{12} \\\\ a_{21} & a_{22} \\end{pmatrix}, \\quad \\det A = a_{11} a_{22} - a_{12} a_{21}',
  '\\begin{aligned} \\mathcal{L}(\\theta) &= \\prod_{i=1}^{n} p(x_i \\mid \\theta) \\\\ \\log \\mathcal{L}(\\theta) &= \\sum_{i=1}^{n} \\log p(x_i \\mid \\theta) \\end{aligned}',
  '\\frac{\\partial u}{\\partial t} = \\alpha \\left( \\frac{\\partial^2 u}{\\partial x^2} + \\frac{\\partial^2 u}{\\partial y^2} \\right)',
  'P(A \\mid B) = \\frac{P(B \\mid A) \\, P(A)}{P(B)}',
];

/**
 * The heavy corpus: each post about 1,500 words in 8 sections, half with math (inline and
 * display formulas), 5 to 8 code blocks (one with Chirpy's `file=` attribute list), a table, a
 * list, a prompt blockquote, a footnote and 2 to 3 images. Images are written to
 * `options.publicDir/assets/img/bench/`; half the posts name them with `media_subpath` and a bare
 * file name, as Chirpy posts do, half by their full path, and a third have a preview `image:`.
 * `options.flavour: 'baseline'` writes every image by its full path (a bare Astro site would read
 * a bare name as a file beside the post), so both sites publish the same image URLs.
 */
function generateHeavy(dir, count, seed, languages, options) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const baseline = options.flavour === 'baseline';
  if (options.publicDir) {
    const images = join(options.publicDir, 'assets/img/bench');
    rmSync(images, { recursive: true, force: true });
    const imageRand = random(seed + 1);
    for (let folder = 0; folder < IMAGE_FOLDERS; folder += 1) {
      mkdirSync(join(images, String(folder)), { recursive: true });
      for (let figure = 0; figure < FIGURES; figure += 1) {
        const size = [64 + Math.floor(imageRand() * 256), 48 + Math.floor(imageRand() * 192)];
        const colour = [0, 1, 2].map(() => Math.floor(imageRand() * 256));
        writeFileSync(join(images, String(folder), `figure-${figure}.png`), png(...size, colour));
      }
      writeFileSync(join(images, String(folder), 'cover.png'), png(240, 126, [folder * 12, 80, 160]));
    }
  }
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = (words, n) => Array.from({ length: n }, () => pick(words)).join(' ');
  for (let i = 0; i < count; i += 1) {
    const korean = rand() < 0.5;
    const words = korean ? KO : EN;
    const math = rand() < 0.5;
    const subpathImages = rand() < 0.5;
    const preview = rand() < 1 / 3;
    const fileLabel = rand() < 0.3;
    const folder = Math.floor(rand() * IMAGE_FOLDERS);
    const group = languages ? Math.floor(i / languages.length) : i;
    const language = languages ? languages[i % languages.length] : undefined;
    const day = new Date(Date.UTC(2026, 0, 1) - group * 86400000);
    const date = day.toISOString().slice(0, 10);
    const tags = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(TAGS)))];
    const title = korean ? `${sentence(KO, 3)} ${i}` : `Post ${i}: ${sentence(EN, 4)}`;
    const subpath = `/assets/img/bench/${folder}`;
    const image = (figure) => (subpathImages && !baseline ? `figure-${figure}.png` : `${subpath}/figure-${figure}.png`);
    const paragraph = () => {
      const text = [sentence(words, 25)];
      if (rand() < 0.3) text.push(`**${sentence(words, 2)}**`);
      if (rand() < 0.3) text.push(`\`${pick(['npm run build', 'git rebase -i', 'x.map(f)', 'SELECT *'])}\``);
      if (math && rand() < 0.6) text.push(`$${pick(INLINE_MATH)}$`);
      text.push(sentence(words, 25));
      if (rand() < 0.2) text.push(`[${sentence(EN, 2)}](https://example.com/${i}/${Math.floor(rand() * 100)})`);
      if (math && rand() < 0.3) text.push(`where $${pick(INLINE_MATH)}$ holds`);
      return `${text.join(' ')}.`;
    };
    const codeBlocks = 5 + Math.floor(rand() * 4);
    const figures = 2 + Math.floor(rand() * 2);
    const sections = [];
    for (let s = 0; s < 8; s += 1) {
      const part = [`## ${korean ? '절' : 'Section'} ${s + 1}: ${sentence(words, 3)}`];
      for (let p = 0; p < 3; p += 1) part.push(paragraph());
      if (s < codeBlocks) {
        const [lang, code] = CODE[(i + s) % CODE.length];
        part.push(`\`\`\`${lang}\n${code(i)}\n\`\`\``);
        if (s === 0 && fileLabel) part.push(`{: file="src/example-${i}.${lang || 'txt'}" }`);
      }
      if (math && s % 2 === 1) part.push(`$$\n${pick(DISPLAY_MATH)}\n$$`);
      if (s < figures) part.push(`![${sentence(EN, 3)}](${image((i + s) % FIGURES)})`);
      if (s === 2) part.push(`### ${korean ? '요약' : 'Summary'}`, paragraph());
      if (s === 3) {
        part.push(
          `- ${sentence(words, 6)}\n- ${sentence(words, 5)}\n  - ${sentence(words, 4)}\n- [${sentence(EN, 2)}](https://example.com/${i})`,
        );
      }
      if (s === 4) {
        part.push(
          [
            '| name | value | note |',
            '| --- | ---: | --- |',
            ...Array.from(
              { length: 5 },
              (_, r) => `| ${pick(words)} | ${Math.floor(rand() * 1000)} | ${sentence(words, 3)} |`,
            ),
          ].join('\n'),
        );
      }
      if (s === 5) part.push(`> ${sentence(words, 12)}\n{: .prompt-tip }`);
      if (s === 6) part.push(`${sentence(words, 10)}[^note-${i}].`);
      sections.push(part.join('\n\n'));
    }
    sections.push(`[^note-${i}]: ${sentence(words, 8)}.`);
    const front = [
      '---',
      `title: "${title}"`,
      `date: ${date} 09:00:00 +0900`,
      `categories: [${pick(TOPS)}, ${pick(SUBS)}]`,
      `tags: [${tags.join(', ')}]`,
      ...(math ? ['math: true'] : []),
      ...(subpathImages && !baseline ? [`media_subpath: ${subpath}`] : []),
      // Chirpy reads a preview path under media_subpath too.
      ...(preview
        ? ['image:', `  path: ${subpathImages && !baseline ? '' : `${subpath}/`}cover.png`, `  alt: ${sentence(EN, 3)}`]
        : []),
      '---',
    ].join('\n');
    const postFolder = language && language !== languages[0] ? join(dir, language) : dir;
    mkdirSync(postFolder, { recursive: true });
    writeFileSync(join(postFolder, `${date}-post-${group}.md`), `${front}\n\n${sections.join('\n\n')}\n`);
  }
}
