/**
 * The example blog in a real browser (Debian's Chromium), served by `astro preview`:
 * navigation, pagination, the mode toggle, search, the table of contents, code copy, the
 * phone-sized sidebar, and axe on every page type in both modes.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { buildProject, REPO_DIR, TESTS_DIR } from '../helpers/site.ts';

const EXAMPLE = join(REPO_DIR, 'examples/blog');
const OUT = join(TESTS_DIR, '.tmp/example-e2e');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('the example blog in Chromium', () => {
  let server: Awaited<ReturnType<typeof preview>>;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await buildProject(EXAMPLE, OUT);
    server = await preview({
      root: EXAMPLE,
      outDir: OUT,
      logLevel: 'error',
      server: { host: '127.0.0.1', port: 4390 },
    });
    base = 'http://127.0.0.1:4390';
    browser = await launchBrowser();
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (path: string, ctx: BrowserContext = context): Promise<Page> => {
    const page = await ctx.newPage();
    await page.goto(base + path);
    return page;
  };

  it('goes home → post → tag → category → archives and back', async () => {
    const page = await open('/');
    await page.click('.post-card .card-title a >> nth=0');
    await page.waitForURL(/\/posts\/getting-started\/$/);
    await page.click('.post-tags a >> nth=0');
    await page.waitForURL(/\/tags\/getting-started\/$/);
    expect(await page.locator('.post-list a').count()).toBeGreaterThan(0);
    await page.click('.post-list a >> nth=0');
    await page.click('.post-categories a >> nth=0');
    await page.waitForURL(/\/categories\/[^/]+\/$/);
    await page.click('.tabs a:has-text("Archives")');
    await page.waitForURL(/\/archives\/$/);
    await page.goBack();
    await page.waitForURL(/\/categories\/[^/]+\/$/);
    await page.close();
  });

  it('pages through the home list with pinned posts first', async () => {
    const page = await open('/');
    const first = await page.locator('.post-card .card-title').allTextContents();
    expect(first[0]).toBe('Getting Started');
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(/\/page2\/$/);
    const second = await page.locator('.post-card .card-title').allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second).not.toContain('Getting Started');
    await page.close();
  });

  it('switches to dark mode, keeps it on the next page, with no flash of light', async () => {
    const ctx = await browser.newContext({ colorScheme: 'light' });
    const page = await open('/', ctx);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.click('#mode-toggle');
    expect(await page.getAttribute('html', 'data-mode')).toBe('dark');
    // The first paint of the next page: read the colour as soon as the body exists.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { firstBackground: string }).firstBackground = getComputedStyle(
          document.body,
        ).backgroundColor;
      });
    });
    await page.goto(`${base}/archives/`);
    expect(await page.evaluate(() => (window as unknown as { firstBackground: string }).firstBackground)).toBe(
      'rgb(27, 27, 30)',
    );
    expect(await page.getAttribute('html', 'data-mode')).toBe('dark');
    await ctx.close();
  });

  it('finds an English and a Korean word from the top bar', async () => {
    const page = await open('/');
    await page.fill('#topbar-search-input', 'quaternion');
    await page.fill('#topbar-search-input', 'KaTeX');
    await page.press('#topbar-search-input', 'Enter');
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li a').allTextContents()).toContain('Writing Math');
    await page.goto(`${base}/search/?q=${encodeURIComponent('고유값')}`);
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li a').allTextContents()).toContain('한국어로 글쓰기');
    await page.close();
  });

  it('moves to a section from the table of contents', async () => {
    const page = await open('/posts/writing-a-post/');
    await page.click('nav.toc-panel a[href="#categories-and-tags"]');
    await page.waitForURL(/#categories-and-tags$/);
    const top = await page.locator('#categories-and-tags').evaluate((heading) => heading.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(50);
    await page.close();
  });

  it('marks the section being read in the table of contents as the reader scrolls', async () => {
    const page = await open('/posts/writing-a-post/');
    const current = () => page.locator('nav.toc-panel a[aria-current="location"]').getAttribute('href');
    const hrefs = await page
      .locator('nav.toc-panel a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    await expect.poll(current).toBe(hrefs[0]);
    const last = hrefs.at(-1)!;
    await page.locator(decodeURIComponent(last)).evaluate((heading) => heading.scrollIntoView());
    await expect.poll(current).toBe(last);
    expect(await page.locator('nav.toc-panel a[aria-current]').count()).toBe(1);
    await page.close();
  });

  it('opens the table of contents from the top bar on a narrow screen, and closes it on a choice', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await open('/posts/writing-a-post/', ctx);
    const popup = page.locator('#toc-popup');
    expect(await popup.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Contents' }).click();
    expect(await popup.isVisible()).toBe(true);
    await popup.locator('a[href="#categories-and-tags"]').click();
    await page.waitForURL(/#categories-and-tags$/);
    await expect.poll(() => popup.isVisible()).toBe(false);
    // Esc closes it too, without a script.
    await page.getByRole('button', { name: 'Contents' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.isVisible()).toBe(false);
    await ctx.close();
  });

  it('opens a post image large in a dialog: keyboard, focus trapped and returned, arrows between images', async () => {
    const page = await open('/posts/code-tables-and-images/');
    const links = page.locator('.content a.popup');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    await links.first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Image viewer' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const shown = () => dialog.locator('img').getAttribute('src');
    expect(new URL((await shown())!, page.url()).href).toBe(
      new URL((await links.first().getAttribute('href'))!, page.url()).href,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close');
    expect(await axeViolations(page)).toEqual({ light: [], dark: [] });
    // Tab never reaches the page behind the dialog (it may pass through the browser's own controls).
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () => document.activeElement === document.body || document.activeElement?.closest('dialog') !== null,
        ),
      ).toBe(true);
    }
    if (count > 1) {
      const first = await shown();
      await page.keyboard.press('ArrowRight');
      expect(await shown()).not.toBe(first);
      await page.keyboard.press('ArrowLeft');
      expect(await shown()).toBe(first);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('popup'))).toBe(true);
    await page.close();
  });

  it('moves between images with a sideways swipe on a touch screen', async () => {
    const ctx = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const page = await open('/posts/code-tables-and-images/', ctx);
    const links = page.locator('.content a.popup');
    expect(await links.count()).toBeGreaterThan(1);
    await links.first().tap();
    const dialog = page.getByRole('dialog', { name: 'Image viewer' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const shown = () => dialog.locator('img').getAttribute('src');
    const first = await shown();
    const swipe = (from: number, to: number, y = 400, toY = y) =>
      page.evaluate(
        ([from, to, y, toY]) => {
          const target = document.querySelector('dialog.lightbox')!;
          const touch = (x: number, at: number) => new Touch({ identifier: 1, target, clientX: x, clientY: at });
          target.dispatchEvent(
            new TouchEvent('touchstart', {
              touches: [touch(from, y)],
              changedTouches: [touch(from, y)],
              bubbles: true,
            }),
          );
          target.dispatchEvent(
            new TouchEvent('touchend', { touches: [], changedTouches: [touch(to, toY)], bubbles: true }),
          );
        },
        [from, to, y, toY] as const,
      );
    await swipe(300, 100);
    const second = await shown();
    expect(second).not.toBe(first);
    await swipe(100, 300);
    expect(await shown()).toBe(first);
    // Mostly up or down, or too short: no move.
    await swipe(200, 150, 100, 500);
    await swipe(200, 180);
    expect(await shown()).toBe(first);
    await ctx.close();
  });

  it('copies a code block with its copy button', async () => {
    const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open('/posts/code-tables-and-images/', ctx);
    const block = page.locator('.code-block.language-python');
    await block.locator('button.code-copy').click();
    await expect.poll(() => block.locator('button.code-copy').getAttribute('data-state')).toBe('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await block.locator('pre').innerText());
    expect(copied).toContain('def fib(n: int) -> int:');
    await ctx.close();
  });

  it('opens and closes the sidebar at 360 px, without JavaScript needed', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await open('/', ctx);
    const left = () => page.locator('#sidebar').evaluate((sidebar) => sidebar.getBoundingClientRect().right);
    expect(await left()).toBeLessThanOrEqual(0);
    await page.click('a.sidebar-trigger');
    await expect.poll(left).toBeGreaterThan(200);
    await page.click('#sidebar .sidebar-close');
    await expect.poll(left).toBeLessThanOrEqual(0);
    expect(await page.locator('.post-card').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it('shows no comment widget, since the example does not configure one', async () => {
    const page = await open('/posts/getting-started/');
    expect(await page.locator('#comments').count()).toBe(0);
    await page.close();
  });

  it('reaches every control by keyboard, with a visible focus, and toggles the mode with Enter', async () => {
    const ctx = await browser.newContext({ colorScheme: 'light' });
    const page = await open('/', ctx);
    const reached: { id: string; outline: string }[] = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const name = element.id || element.getAttribute('href') || element.className || element.tagName;
          return { id: name, outline: getComputedStyle(element).outlineStyle };
        }),
      );
    }
    const ids = reached.map((entry) => entry.id);
    for (const expected of ['mode-toggle', 'topbar-search-input', '/posts/getting-started/', '/page2/']) {
      expect(ids, expected).toContain(expected);
    }
    expect(reached.filter((entry) => entry.id !== 'BODY' && entry.outline === 'none')).toEqual([]);
    await page.focus('#mode-toggle');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('html', 'data-mode')).toBe('dark');
    await ctx.close();
  });

  describe('accessibility (axe)', () => {
    const pages = [
      '/',
      '/page2/',
      '/posts/getting-started/',
      '/posts/math/',
      '/posts/code-tables-and-images/',
      '/categories/',
      '/categories/guide/',
      '/tags/',
      '/tags/math/',
      '/archives/',
      '/search/?q=math',
      '/404.html',
    ];
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no violations on any page type in ${scheme} mode`, async () => {
        const ctx = await browser.newContext({ colorScheme: scheme });
        const problems: string[] = [];
        for (const path of pages) {
          const page = await open(path, ctx);
          await page.addScriptTag({ path: AXE });
          const results = (await page.evaluate('axe.run(document)')) as {
            violations: { id: string; nodes: { target: string[] }[] }[];
          };
          for (const violation of results.violations) {
            problems.push(`${path}: ${violation.id} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
          await page.close();
        }
        expect(problems).toEqual([]);
        await ctx.close();
      });
    }
  });
});
