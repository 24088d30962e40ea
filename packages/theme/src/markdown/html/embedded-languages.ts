/**
 * Code inside code: a ```` ```markdown ```` block holding a ```` ```shell ```` fence, or front
 * matter, or HTML, is highlighted inside by Shiki only if that other language is already loaded
 * in Astro's highlighter: Shiki loads a grammar's embedded languages lazily, and Astro loads a
 * language the first time a post uses it. So the same post came out differently depending on
 * which posts were rendered before it: in a cold build, an incremental one, `astro dev`, or a
 * worker thread of the render pool (render-pool/). Rouge, Chirpy's highlighter, highlights the
 * fences of a Markdown block by their language.
 *
 * Before Shiki runs, this loads every language the post's code blocks may embed (Shiki's
 * `embeddedLangsLazy`, and theirs in turn), into the highlighter Astro uses (the one
 * `createShikiHighlighter` keeps for the site's Shiki options), so a block is highlighted the
 * same whatever was rendered before it. Loading them costs about a quarter of a second, once per
 * thread, and only on a site with such a block (Markdown, MDX, Vue, PHP…).
 */
import { createShikiHighlighter } from '@astrojs/markdown-remark/shiki';
import type { Root } from 'mdast';
import { bundledLanguages, bundledLanguagesInfo } from 'shiki';
import { visit } from 'unist-util-visit';

/** The options Astro keys its highlighter by (its `shikiConfig`), as the site's config has them. */
export interface ShikiKey {
  theme?: unknown;
  themes?: unknown;
  langAlias?: Record<string, string>;
}

type BundledName = keyof typeof bundledLanguages;

/** Shiki's names of its bundled languages, by id and by alias (`sh` → `shellscript`). */
const BUNDLED = new Map<string, BundledName>(
  bundledLanguagesInfo.flatMap((info) =>
    [info.id, ...(info.aliases ?? [])].map((name) => [name, info.id as BundledName] as const),
  ),
);

function bundledName(lang: string, alias: Record<string, string> | undefined): BundledName | undefined {
  return BUNDLED.get(alias?.[lang] ?? lang);
}

/** A language's lazily embedded languages, and theirs, by language (one import of each grammar). */
const embedded = new Map<BundledName, Promise<string[]>>();

function lazilyEmbedded(name: BundledName): Promise<string[]> {
  let found = embedded.get(name);
  if (!found) {
    found = (async () => {
      const seen = new Set<BundledName>([name]);
      const queue: BundledName[] = [name];
      for (let next = queue.shift(); next; next = queue.shift()) {
        const grammars = (await bundledLanguages[next]()).default;
        for (const lang of grammars.flatMap((grammar) => grammar.embeddedLangsLazy ?? [])) {
          const bundled = bundledName(lang, undefined);
          if (bundled && !seen.has(bundled)) {
            seen.add(bundled);
            queue.push(bundled);
          }
        }
      }
      seen.delete(name);
      return [...seen];
    })();
    embedded.set(name, found);
  }
  return found;
}

export function remarkEmbeddedLanguages(options: { shiki?: ShikiKey | undefined }) {
  const { shiki } = options;
  return async (tree: Root): Promise<void> => {
    if (!shiki) return;
    const hosts = new Set<BundledName>();
    visit(tree, 'code', (node) => {
      const name = node.lang ? bundledName(node.lang, shiki.langAlias) : undefined;
      if (name) hosts.add(name);
    });
    if (hosts.size === 0) return;
    const langs = new Set((await Promise.all([...hosts].map(lazilyEmbedded))).flat());
    if (langs.size === 0) return;
    // Astro's helper loads languages by their bundled names too, though its type says registrations.
    await createShikiHighlighter({ ...shiki, langs: [...langs] } as unknown as Parameters<
      typeof createShikiHighlighter
    >[0]);
  };
}
