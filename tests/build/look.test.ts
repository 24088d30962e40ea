/**
 * Chirpy's look (docs/look.md): the Font Awesome icons Chirpy shows — sidebar tabs, social links,
 * post cards, share links, the top bar — inlined as <svg> from the npm packages' path data (no
 * icon font, no request to any other host), share links named by their platform for screen
 * readers, no underline on the page's chrome while links in post text keep theirs, and axe clean
 * in light and dark on the home page and a post. The example blog, in Debian's Chromium.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildProject, REPO_DIR, TESTS_DIR, type BuiltSite } from '../helpers/site.ts';

const EXAMPLE = join(REPO_DIR, 'examples/blog');
const OUT = join(TESTS_DIR, '.tmp/example-look');
/** Resolves the icon packages as the theme does. */
const themeRequire = createRequire(join(REPO_DIR, 'packages/theme/package.json'));

/** The SVG path and view box of a Font Awesome Free icon, read from its npm package. */
function fa(style: 'solid' | 'regular' | 'brands', name: string): { d: string; viewBox: string } {
  const { definition } = themeRequire(`@fortawesome/free-${style}-svg-icons/${name}`) as {
    definition: { icon: [number, number, unknown, string, string] };
  };
  const [width, height, , , d] = definition.icon;
  return { d, viewBox: `0 0 ${width} ${height}` };
}

describe("Chirpy's look in the example blog", () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildProject(EXAMPLE, OUT);
    served = await serve(OUT);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** The icon drawn inside `selector` on `path`: decorative and Font Awesome's own path. */
  const iconIn = (path: string, selector: string) => {
    const svg = site.html(path).querySelector(`${selector} svg`);
    expect(svg, `${path} ${selector}`).not.toBeNull();
    expect(svg!.getAttribute('aria-hidden')).toBe('true');
    expect(svg!.getAttribute('focusable')).toBe('false');
    return { d: svg!.querySelector('path')!.getAttribute('d'), viewBox: svg!.getAttribute('viewBox') };
  };

  it('draws the sidebar tabs with the icons of Chirpy’s tabs', () => {
    const tabs = site.html('/').querySelectorAll('.tabs a');
    expect(tabs.map((tab) => tab.text.trim())).toEqual(['Home', 'Categories', 'Tags', 'Archives']);
    expect(iconIn('/', '.tabs a[href="/"]')).toEqual(fa('solid', 'faHouse'));
    expect(iconIn('/', '.tabs a[href="/categories/"]')).toEqual(fa('solid', 'faBarsStaggered'));
    expect(iconIn('/', '.tabs a[href="/tags/"]')).toEqual(fa('solid', 'faTags'));
    expect(iconIn('/', '.tabs a[href="/archives/"]')).toEqual(fa('solid', 'faBoxArchive'));
  });

  it('draws the social links with Font Awesome’s brand and solid icons, as Chirpy’s contact list', () => {
    expect(iconIn('/', '#sidebar a[href^="https://github.com/"]')).toEqual(fa('brands', 'faGithub'));
    expect(iconIn('/', '#sidebar a[href^="mailto:"]')).toEqual(fa('solid', 'faEnvelope'));
    expect(iconIn('/', '#sidebar a[href="/feed.xml"]')).toEqual(fa('solid', 'faRss'));
  });

  it('marks a post’s categories and tags with Chirpy’s icons, their names kept for screen readers', () => {
    const post = '/posts/getting-started/';
    expect(iconIn(post, '.post-categories .label')).toEqual(fa('regular', 'faFolderOpen'));
    expect(iconIn(post, '.post-tags .label')).toEqual(fa('solid', 'faTags'));
    expect(site.html(post).querySelector('.post-tags .label .visually-hidden')!.text).toBe('Tags:');
  });

  it('marks a post card’s date, categories and pin with Chirpy’s icons', () => {
    expect(iconIn('/', '.post-card .card-date')).toEqual(fa('regular', 'faCalendar'));
    expect(iconIn('/', '.post-card .card-folder')).toEqual(fa('regular', 'faFolderOpen'));
    expect(iconIn('/', '.post-card .pin')).toEqual(fa('solid', 'faThumbtack'));
    // The pin's word stays for screen readers.
    expect(site.html('/').querySelector('.post-card .pin')!.text.trim()).toBe('Pinned');
  });

  it('shares with icon buttons named after the platform, as Chirpy’s share list', () => {
    const post = '/posts/getting-started/';
    const share = site.html(post).querySelector('.share')!;
    const links = share.querySelectorAll('a.share-link');
    expect(links.map((link) => link.getAttribute('title'))).toEqual(['X (Twitter)', 'Facebook', 'Telegram']);
    // The name is visually hidden text: nothing but the icon is shown.
    expect(links.map((link) => link.querySelector('.visually-hidden')!.text)).toEqual([
      'X (Twitter)',
      'Facebook',
      'Telegram',
    ]);
    expect(iconIn(post, 'a.share-link[href^="https://twitter.com/"]')).toEqual(fa('brands', 'faSquareXTwitter'));
    expect(iconIn(post, 'a.share-link[href^="https://www.facebook.com/"]')).toEqual(fa('brands', 'faSquareFacebook'));
    expect(iconIn(post, 'a.share-link[href^="https://t.me/"]')).toEqual(fa('brands', 'faTelegram'));
    expect(iconIn(post, 'button.share-copy')).toEqual(fa('solid', 'faLink'));
  });

  it('draws the top bar’s menu, contents and search icons', () => {
    const post = '/posts/getting-started/';
    expect(iconIn(post, '.sidebar-trigger')).toEqual(fa('solid', 'faBars'));
    expect(iconIn(post, '.toc-trigger')).toEqual(fa('solid', 'faListUl'));
    expect(iconIn(post, '.topbar-search')).toEqual(fa('solid', 'faMagnifyingGlass'));
  });

  it('ships no icon font and refers to no icon CDN', () => {
    const files = site.files();
    expect(
      files.filter((file) => /fontawesome|fa-(solid|regular|brands)|\.woff2?$/i.test(file) && !/KaTeX_/.test(file)),
    ).toEqual([]);
    for (const path of ['/', '/posts/getting-started/', '/categories/guide/', '/tags/math/']) {
      const page = site.read(path);
      expect(page, path).not.toMatch(/fontawesome|cdn\.jsdelivr|cdnjs|unpkg|simple-icons|<i class="fa/i);
    }
  });

  describe('in Chromium', () => {
    /** Opens a page and records every host it asks for anything. */
    const open = async (path: string, scheme: 'light' | 'dark' = 'light') => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const hosts = new Set<string>();
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:') hosts.add(url.host);
      });
      await page.goto(served.url + path, { waitUntil: 'networkidle' });
      return { page, hosts, close: () => context.close() };
    };
    const decoration = (page: Page, selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).textDecorationLine);

    for (const path of ['/', '/posts/getting-started/']) {
      it(`shows the icons on ${path} without a request to any other host`, async () => {
        const { page, hosts, close } = await open(path);
        expect([...hosts]).toEqual([new URL(served.url).host]);
        // Every icon is drawn at text size, not collapsed and not blown up.
        const sizes = await page
          .locator('svg.icon')
          .evaluateAll((icons) =>
            icons
              .filter((icon) => icon.getClientRects().length > 0)
              .map((icon) => Math.round(icon.getBoundingClientRect().height)),
          );
        expect(sizes.length).toBeGreaterThan(8);
        expect(sizes.filter((size) => size < 10 || size > 24)).toEqual([]);
        await close();
      });
    }

    it('names the share links after their platform for screen readers', async () => {
      const { page, close } = await open('/posts/getting-started/');
      for (const name of ['X (Twitter)', 'Facebook', 'Telegram']) {
        await expect.poll(() => page.getByRole('link', { name, exact: true }).count()).toBe(1);
      }
      expect(await page.getByRole('button', { name: 'Copy link', exact: true }).count()).toBe(1);
      // The platform names are not shown: the links are icon-sized.
      const widths = await page
        .locator('.share-link')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().width));
      expect(widths.filter((width) => width > 40)).toEqual([]);
      await close();
    });

    it('underlines no sidebar tab, panel list, share link or breadcrumb, and still underlines links in post text', async () => {
      const { page, close } = await open('/posts/getting-started/');
      for (const selector of ['.tabs a', '#panel-recent li a', '.share-link', '.breadcrumb a', '.panel .toc a']) {
        expect(await decoration(page, selector), selector).toBe('none');
      }
      expect(await decoration(page, '.content p > a')).toBe('underline');
      await close();
    });

    for (const path of ['/', '/posts/getting-started/']) {
      it(`has no axe violations on ${path} in light and dark mode`, async () => {
        const { page, close } = await open(path);
        expect(await axeViolations(page)).toEqual({ light: [], dark: [] });
        await close();
      });
    }
  });
});
