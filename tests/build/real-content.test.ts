/**
 * The theme on content that looks like real posts (tests/fixtures/real-content, a Korean math blog
 * written for these tests): a ~300-formula post with wide display math, blockquotes and prompts,
 * image captions with links, images with only a width, headings that skip a level, an English
 * post among Korean ones, and a paginated home. In Debian's Chromium at desktop and phone width
 * in light and dark: no serious or critical axe violation, Lighthouse accessibility 100, wide
 * formulas reachable by keyboard, no layout shift, no page wider than a phone. Every text colour
 * of the stylesheet is checked against every background it is drawn on (WCAG AA), and the two
 * KaTeX outputs give screen readers the same formulas.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser, Page } from 'playwright-core';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, FLAGS } from '../../scripts/chromium.mjs';
import { launchBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildProject, privateUseCharacters, REPO_DIR, TESTS_DIR } from '../helpers/site.ts';

const FIXTURE = join(TESTS_DIR, 'fixtures/real-content');
const OUT = join(TESTS_DIR, '.tmp/real-content');
const OUT_HTML = join(TESTS_DIR, '.tmp/real-content-html');
const STYLES = join(REPO_DIR, 'packages/theme/src/styles');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const MATH_POST = '/posts/라그랑주-역학과-해밀턴-역학/';
const PAGES = [
  '/',
  '/page2/',
  '/page3/',
  MATH_POST,
  '/posts/fourier-series-notes/',
  '/posts/겨울-산행-기록/',
  '/posts/git-rebase-메모/',
  '/posts/룽게-쿠타-방법/',
  '/posts/확률-분포-요약/',
];
const WIDTHS = [1350, 360];

// ---------------------------------------------------------------------------------------------
// Colours: WCAG 2 relative luminance and contrast, alpha composited over what lies below.

type RGBA = [number, number, number, number];

function parseColor(text: string): RGBA {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)).concat(1) as RGBA;
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value);
  if (rgb) {
    const [r, g, b, a = 1] = rgb[1]!.split(',').map(Number);
    return [r!, g!, b!, a];
  }
  throw new Error(`not a colour: ${text}`);
}

const over = (top: RGBA, below: RGBA): RGBA =>
  [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as RGBA;

function luminance([r, g, b]: RGBA): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The stylesheet's colour tokens, `--name: light-dark(light, dark)`: in `:root` by name, in a
 * prompt's rule as `prompt-tip.prompt-bg`.
 */
function colourTokens(css: string): Map<string, { light: RGBA; dark: RGBA }> {
  const tokens = new Map<string, { light: RGBA; dark: RGBA }>();
  for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = rule[1]!.trim();
    const prompt = /\.(prompt-[a-z]+)\s*$/.exec(selector)?.[1];
    for (const [, name, light, dark] of rule[2]!.matchAll(
      /--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]+|rgba?\([^)]*\))\s*,\s*(#[0-9a-f]+|rgba?\([^)]*\))\s*\)\s*;/gi,
    )) {
      tokens.set(prompt ? `${prompt}.${name}` : name!, { light: parseColor(light!), dark: parseColor(dark!) });
    }
  }
  return tokens;
}

const PROMPTS = ['prompt-tip', 'prompt-info', 'prompt-warning', 'prompt-danger'];
/** A background: a token, or tokens drawn over each other (the last at the bottom). */
type Ground = string | string[];
const PROMPT_GROUNDS: Ground[] = PROMPTS.map((prompt) => [`${prompt}.prompt-bg`, 'bg']);

/**
 * Where each text colour is drawn (chirpy.css): text meets 4.5:1 on each. Every token the
 * stylesheet writes text in (`color: var(--x)`) must be here.
 */
const TEXT_ON: Record<string, Ground[]> = {
  text: ['bg', 'card-bg', 'code-bg', 'table-stripe', ['inline-code-bg', 'bg'], ...PROMPT_GROUNDS],
  heading: ['bg', 'card-bg', 'table-stripe'],
  muted: ['bg', 'card-bg', 'sidebar-bg', 'code-bg', 'table-stripe'],
  link: ['bg', 'card-bg', 'code-bg', 'table-stripe', ['inline-code-bg', 'bg'], ...PROMPT_GROUNDS],
  blockquote: ['bg'],
  'sidebar-text': ['sidebar-bg', ['sidebar-hover', 'sidebar-bg'], 'sidebar-button'],
  'sidebar-active': ['sidebar-bg', ['sidebar-hover', 'sidebar-bg']],
  'math-error': ['bg', ['inline-code-bg', 'bg'], 'table-stripe'],
  // The current page's number in the pager, on the link colour.
  bg: ['link'],
  ...Object.fromEntries(PROMPTS.map((prompt) => [`${prompt}.prompt-icon`, [[`${prompt}.prompt-bg`, 'bg']]])),
};
/** Colours that are not text: focus rings meet 3:1 (WCAG 1.4.11) on the grounds they are drawn on. */
const NON_TEXT_ON: Record<string, Ground[]> = {
  focus: ['bg', 'card-bg', 'sidebar-bg', 'code-bg'],
};
const BACKGROUNDS = new Set([
  'bg',
  'card-bg',
  'sidebar-bg',
  'sidebar-hover',
  'sidebar-button',
  'code-bg',
  'inline-code-bg',
  'table-stripe',
  ...PROMPTS.map((prompt) => `${prompt}.prompt-bg`),
]);
/** Lines and underlines, not text: WCAG asks no contrast of them (links are underlined and coloured). */
const DECORATION = new Set(['border', 'link-underline']);

interface Row {
  text: string;
  on: string;
  mode: 'light' | 'dark';
  ratio: number;
  needs: number;
}

function contrastTable(css: string): Row[] {
  const tokens = colourTokens(css);
  const colour = (name: string, mode: 'light' | 'dark') => {
    const token = tokens.get(name);
    if (!token) throw new Error(`no colour token --${name} in chirpy.css`);
    return token[mode];
  };
  const ground = (on: Ground, mode: 'light' | 'dark'): RGBA => {
    const layers = typeof on === 'string' ? [on] : on;
    return layers
      .slice(0, -1)
      .reduceRight((below, name) => over(colour(name, mode), below), colour(layers.at(-1)!, mode));
  };
  const rows: Row[] = [];
  for (const [needs, table] of [
    [4.5, TEXT_ON],
    [3, NON_TEXT_ON],
  ] as const) {
    for (const [text, grounds] of Object.entries(table)) {
      for (const on of grounds) {
        for (const mode of ['light', 'dark'] as const) {
          const back = ground(on, mode);
          const ratio = contrast(over(colour(text, mode), back), back);
          rows.push({ text, on: typeof on === 'string' ? on : on.join(' over '), mode, ratio, needs });
        }
      }
    }
  }
  return rows;
}

const show = (rows: Row[]) =>
  rows.map((row) => `${row.text} on ${row.on} (${row.mode}): ${row.ratio.toFixed(2)}:1, needs ${row.needs}`).join('\n');

/** A built folder's pages (buildProject builds into `outDir`; its reader looks in the project's own dist). */
function output(dist: string) {
  const file = (path: string) => join(dist, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
  return {
    read: (path: string) => readFileSync(file(path), 'utf8'),
    html: (path: string): HTMLElement => parse(readFileSync(file(path), 'utf8')),
    files: () => (readdirSync(dist, { recursive: true }) as string[]).map((name) => name.split('\\').join('/')),
  };
}

// ---------------------------------------------------------------------------------------------

describe('real-content fixtures', () => {
  const site = output(OUT);
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    // Rendered posts are cached by their text, not by the theme's code: each run starts afresh.
    rmSync(`${OUT}-cache`, { recursive: true, force: true });
    await buildProject(FIXTURE, OUT);
    served = await serve(OUT);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('hold no private-use character on any page or feed', () => {
    expect(privateUseCharacters(OUT)).toEqual([]);
  });

  /** A page at `width`, in `mode`, once the page's scripts have run after its first frame. */
  const open = async (path: string, width: number, mode: 'light' | 'dark' = 'light'): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: mode });
    await page.goto(served.url + encodeURI(path), { waitUntil: 'load' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
    return page;
  };

  describe('colours', () => {
    const css = readFileSync(join(STYLES, 'chirpy.css'), 'utf8');

    it('classifies every colour token of the stylesheet, and knows where each text colour is drawn', () => {
      const tokens = [...colourTokens(css).keys()];
      const known = new Set([...Object.keys(TEXT_ON), ...Object.keys(NON_TEXT_ON), ...BACKGROUNDS, ...DECORATION]);
      expect(tokens.filter((name) => !known.has(name))).toEqual([]);
      // Text written in a token (`color: var(--x)`); a prompt's icon colour is checked per prompt.
      const written = new Set<string>();
      for (const sheet of ['chirpy.css', 'katex-mathml.css']) {
        const text = readFileSync(join(STYLES, sheet), 'utf8');
        for (const [, name] of text.matchAll(/(?:^|[\s;{])color:\s*var\(--([\w-]+)\)/g)) written.add(name!);
      }
      const checked = new Set([...Object.keys(TEXT_ON), 'prompt-icon']);
      expect([...written].filter((name) => !checked.has(name))).toEqual([]);
    });

    it('meets WCAG AA: 4.5:1 for every text colour on every background it is drawn on, in both modes', () => {
      const rows = contrastTable(css);
      expect(rows.length).toBeGreaterThan(80);
      const failing = rows.filter((row) => row.ratio < row.needs);
      expect(failing, `${show(failing)}\n\nThe whole table:\n${show(rows)}`).toEqual([]);
      // The colours real posts failed on before: blockquotes (4.29:1) and KaTeX's red in dark mode.
      const at = (text: string, on: string, mode: 'light' | 'dark') =>
        rows.find((row) => row.text === text && row.on === on && row.mode === mode)!.ratio;
      expect(at('blockquote', 'bg', 'light')).toBeGreaterThanOrEqual(4.5);
      expect(at('math-error', 'bg', 'dark')).toBeGreaterThanOrEqual(4.5);
    });

    it('draws code in colours that meet 4.5:1 on the code background in both modes', () => {
      const tokens = colourTokens(css);
      const codeBg = tokens.get('code-bg')!;
      const failing: string[] = [];
      for (const path of PAGES.filter((path) => path.startsWith('/posts/'))) {
        for (const [, mode, value] of site.read(path).matchAll(/--shiki-(light|dark):(#[0-9a-fA-F]{6})\b/g)) {
          const back = codeBg[mode as 'light' | 'dark'];
          const ratio = contrast(parseColor(value!), back);
          if (ratio < 4.5) failing.push(`${value} (${mode}) ${ratio.toFixed(2)}:1 in ${path}`);
        }
      }
      expect([...new Set(failing)]).toEqual([]);
    });
  });

  it('draws KaTeX’s red for what it could not render in a colour readable in both modes', async () => {
    const page = await open(MATH_POST, 1350);
    // KaTeX's markup for a command it does not know (strict: false), in its HTML and its MathML,
    // and rehype-katex's for a formula that failed.
    await page.evaluate(() => {
      document
        .querySelector('.content')!
        .insertAdjacentHTML(
          'beforeend',
          '<p id="errors"><span class="katex"><span class="katex-html"><span class="mord text" style="color:#cc0000">\\qty</span></span></span> ' +
            '<span class="katex"><math><mstyle mathcolor="#cc0000"><mtext>\\qty</mtext></mstyle></math></span> ' +
            '<span class="katex-error" style="color:#cc0000" title="ParseError">\\bad</span></p>',
        );
    });
    const tokens = colourTokens(readFileSync(join(STYLES, 'chirpy.css'), 'utf8'));
    for (const mode of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: mode });
      const colours = await page.$$eval('#errors :is([style*="color"], mtext)', (elements) =>
        elements.map((element) => getComputedStyle(element).color),
      );
      const background = tokens.get('bg')![mode];
      for (const colour of colours) {
        const [r, g, b] = colour.match(/\d+/g)!.map(Number) as [number, number, number];
        expect(contrast([r, g, b, 1], background), `${colour} in ${mode}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(colours).toHaveLength(3);
    }
    await page.close();
  });

  describe('axe', () => {
    for (const width of WIDTHS) {
      it(`finds no serious or critical violation on any page at ${width} px, in light and dark`, async () => {
        const found: string[] = [];
        for (const path of PAGES) {
          const page = await open(path, width);
          await page.addScriptTag({ path: AXE });
          for (const mode of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: mode });
            const violations = await page.evaluate(async () => {
              const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
              type AxeViolation = { id: string; impact: string; nodes: { target: string[] }[] };
              return (await axe.run()).violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')),
              }));
            });
            for (const violation of violations) {
              // Headings that skip a level are read at the outline's level (aria-level): none is out of order.
              if (
                violation.impact === 'serious' ||
                violation.impact === 'critical' ||
                violation.id === 'heading-order'
              ) {
                found.push(`${path} ${mode}: ${violation.id} (${violation.impact}) ${violation.targets.join(', ')}`);
              }
            }
          }
          await page.close();
        }
        expect(found).toEqual([]);
      });
    }
  });

  it('scores 100 for accessibility in Lighthouse (mobile) on the home, the long math post and the posts with captions', async () => {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', ...FLAGS] });
    const scores: Record<string, number> = {};
    const failing: string[] = [];
    try {
      for (const path of ['/', MATH_POST, '/posts/fourier-series-notes/', '/posts/겨울-산행-기록/']) {
        const result = await lighthouse(served.url + encodeURI(path), {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['accessibility'],
        });
        const lhr = result!.lhr;
        scores[path] = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
        for (const audit of Object.values(lhr.audits)) {
          if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') {
            failing.push(`${path}: ${audit.id}`);
          }
        }
      }
    } finally {
      await chrome.kill();
    }
    expect(failing).toEqual([]);
    expect(
      Object.values(scores).every((score) => score === 100),
      JSON.stringify(scores),
    ).toBe(true);
  });

  describe('wide formulas', () => {
    it('on a phone, every formula that scrolls is in the tab order and scrolls with the arrow keys; the rest are not', async () => {
      const page = await open(MATH_POST, 360);
      const boxes = await page.$$eval('.content .katex-display', (displays) =>
        displays.map((display) => ({
          scrolls: display.scrollWidth > display.clientWidth + 1,
          focusable: display.getAttribute('tabindex') === '0',
        })),
      );
      const scrolling = boxes.filter((box) => box.scrolls);
      expect(boxes.length).toBeGreaterThanOrEqual(40);
      expect(scrolling.length).toBeGreaterThan(10);
      expect(boxes.filter((box) => box.scrolls !== box.focusable)).toEqual([]);
      // Tab from the focusable element before it reaches the first one; the arrow keys scroll it.
      const first = page.locator('.content .katex-display[tabindex="0"]').first();
      await page.evaluate(() => {
        const target = document.querySelector('.content .katex-display[tabindex="0"]')!;
        const all = [...document.querySelectorAll('#core :is(a[href], button, summary, [tabindex="0"])')];
        (all[all.indexOf(target) - 1] as unknown as { focus(): void }).focus();
      });
      await page.keyboard.press('Tab');
      expect(await first.evaluate((box) => document.activeElement === box)).toBe(true);
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
      // Keyboard scrolling is animated: the box gets there over a few frames.
      await expect.poll(() => first.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
      // Wide at 360 px, not at desktop width: the tab order follows the width.
      await page.setViewportSize({ width: 1350, height: 900 });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
      const wide = await page.$$eval('.content .katex-display[tabindex="0"]', (all) => all.length);
      expect(wide).toBeLessThan(scrolling.length);
      await page.close();
    });

    it('no page is wider than a phone: long formulas, code and tables scroll inside the column', async () => {
      const wider: string[] = [];
      for (const path of PAGES) {
        const page = await open(path, 360);
        const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        if (overflow > 0) wider.push(`${path}: ${overflow} px`);
        await page.close();
      }
      expect(wider).toEqual([]);
    });
  });

  describe('layout shift', () => {
    it('gives every local image its size from the file, keeping the author’s width', () => {
      const sizes = (path: string) =>
        site
          .html(path)
          .querySelectorAll('.content img')
          .map((img) => `${img.getAttribute('src')} ${img.getAttribute('width')}×${img.getAttribute('height')}`);
      // pendulum.png is 1228 × 700, phase-portrait.png 960 × 720, double-pendulum.png 1300 × 800.
      expect(sizes(MATH_POST)).toEqual([
        '/images/pendulum.png 650×371',
        '/images/phase-portrait.png 480×360',
        '/images/double-pendulum.png 650×400',
      ]);
      // square-wave.png is 1280 × 720; gibbs.svg 900 × 500, written as HTML with only a width.
      expect(sizes('/posts/fourier-series-notes/')).toEqual([
        '/images/square-wave.png 640×360',
        '/images/gibbs.svg 520×289',
      ]);
    });

    it('does not move anything while images load and the reader scrolls, at phone and desktop width', async () => {
      for (const width of WIDTHS) {
        for (const path of [MATH_POST, '/posts/fourier-series-notes/', '/posts/겨울-산행-기록/']) {
          const page = await browser.newPage({ viewport: { width, height: 800 } });
          await page.addInitScript(() => {
            (window as unknown as { shift: number }).shift = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & {
                value: number;
                hadRecentInput: boolean;
              })[]) {
                if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await page.goto(served.url + encodeURI(path), { waitUntil: 'load' });
          const height = await page.evaluate(() => document.body.scrollHeight);
          for (let y = 0; y < height; y += 600) {
            await page.evaluate((top) => window.scrollTo(0, top), y);
            await page.waitForTimeout(30);
          }
          await page.waitForLoadState('networkidle');
          const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
          expect(shift, `${path} at ${width} px`).toBeLessThan(0.001);
          await page.close();
        }
      }
    });
  });

  it('names each page number by the number it shows, in the navigation named for the pages', () => {
    const nav = site.html('/page2/').querySelector('nav.pagination')!;
    expect(nav.getAttribute('aria-label')).toBe('페이지');
    const links = nav.querySelectorAll('li:not(.gap) a:not([rel])');
    expect(links.map((a) => a.text.trim())).toEqual(['1', '3']);
    expect(links.every((a) => !a.hasAttribute('aria-label'))).toBe(true);
  });

  it('tells assistive technology the outline level of a heading that skips one (## then ####)', () => {
    const heading = site.html(MATH_POST).querySelector('h4#구속의-분류')!;
    expect(heading.getAttribute('aria-level')).toBe('3');
    expect(site.html(MATH_POST).querySelector('h3')!.hasAttribute('aria-level')).toBe(false);
  });

  describe('KaTeX output', () => {
    const html = output(OUT_HTML);
    beforeAll(async () => {
      process.env.CHIRPY_MATH_OUTPUT = 'htmlAndMathml';
      rmSync(`${OUT_HTML}-cache`, { recursive: true, force: true });
      try {
        await buildProject(FIXTURE, OUT_HTML);
      } finally {
        delete process.env.CHIRPY_MATH_OUTPUT;
      }
    });

    it('writes each formula once as MathML by default, with its own small stylesheet and no KaTeX fonts', () => {
      const page = site.read(MATH_POST);
      expect(page).not.toContain('class="katex-html"');
      expect(site.html(MATH_POST).querySelectorAll('.content math')).toHaveLength(307);
      expect(page).toMatch(/<link rel="stylesheet" href="\/_astro\/katex-mathml\.[^"]+\.css">/);
      expect(page).not.toMatch(/katex\.min\.[^"]+\.css|rel="preload"[^>]*font/);
      // \mathbf, \boldsymbol: Unicode's bold letters, which Chromium draws (it ignores mathvariant).
      expect(site.html(MATH_POST).querySelector('.content math mi')).not.toBeNull();
      expect(page).toContain('<mi>𝐫</mi>');
      expect(page).not.toMatch(/<mi mathvariant="bold">/);
    });

    it('keeps KaTeX’s HTML as an option, preloading the two faces of its inline formulas’ letters', () => {
      const page = html.read(MATH_POST);
      expect(html.html(MATH_POST).querySelectorAll('.content .katex-html')).toHaveLength(307);
      const css = html.files().find((file) => /^_astro\/katex\.min\.[^/]+\.css$/.test(file))!;
      expect(page).toContain(`href="/${css}"`);
      const preloads = [...page.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((m) => m[1]!);
      expect(preloads.map((href) => href.replace(/^\/_astro\/KaTeX_([\w-]+)\..*$/, '$1'))).toEqual([
        'Main-Regular',
        'Math-Italic',
      ]);
      const stylesheet = html.read(`/${css}`);
      for (const href of preloads) expect(stylesheet, href).toContain(href.replace(/^\/_astro\//, ''));
      // The fonts are in the build because the stylesheet loads them; the MathML build sends none to readers.
      expect(site.read(MATH_POST)).not.toContain('KaTeX_');
    });

    it('gives screen readers the same formulas either way (the accessibility tree, letters compared by NFKC)', async () => {
      const servedHtml = await serve(OUT_HTML);
      try {
        const tree = async (url: string) => {
          const page = await browser.newPage();
          await page.goto(url + encodeURI(MATH_POST), { waitUntil: 'load' });
          const snapshot = await page.locator('.content').ariaSnapshot();
          await page.close();
          return snapshot
            .split('\n')
            .filter((line) => /^\s*- math\b/.test(line))
            .map((line) => line.normalize('NFKC').replace(/\s+/g, ' ').trim());
        };
        // A formula's number is in KaTeX's MathML; the MathML output reads it right after the formula.
        const withoutNumber = (line: string) => line.replace(/ \(\d+(?:\.\d+)*\)$/, '');
        const mathml = await tree(served.url);
        const both = await tree(servedHtml.url);
        expect(mathml).toHaveLength(307);
        expect(mathml).toEqual(both.map(withoutNumber));
        expect(both.filter((line) => line !== withoutNumber(line))).toHaveLength(2);
        expect(
          site
            .html(MATH_POST)
            .querySelectorAll('.katex-tag')
            .map((tag) => tag.text),
        ).toEqual(['(3.1)', '(9.1)']);
      } finally {
        await servedHtml.close();
      }
    });

    it('passes axe with KaTeX’s HTML too, at phone width in light and dark', async () => {
      const servedHtml = await serve(OUT_HTML);
      try {
        const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
        await page.goto(servedHtml.url + encodeURI(MATH_POST), { waitUntil: 'load' });
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
        await page.addScriptTag({ path: AXE });
        const found: string[] = [];
        for (const mode of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: mode });
          const ids = await page.evaluate(async () => {
            const axe = (
              window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
            ).axe;
            return (await axe.run()).violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => v.id);
          });
          found.push(...ids.map((id) => `${mode}: ${id}`));
        }
        expect(found).toEqual([]);
        // In this output the box scrolls and takes the focus (its MathML is hidden).
        expect(await page.$$eval('.content .katex-display[tabindex="0"]', (all) => all.length)).toBeGreaterThan(10);
        await page.close();
      } finally {
        await servedHtml.close();
      }
    });
  });
});
