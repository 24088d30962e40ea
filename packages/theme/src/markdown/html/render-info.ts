/**
 * The word count and the excerpt the list pages show, read from the post's final HTML (so it
 * runs after the other HTML passes): formulas count as their TeX, and the theme's anchors, code
 * headers and footnotes do not count (readable-text.ts); the excerpt leaves code blocks out.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { countWords, excerpt } from '../../utils/text.ts';
import { renderInfo } from '../frontmatter.ts';
import { readableText } from '../readable-text.ts';

export function rehypeRenderInfo() {
  return (tree: Root, file: VFile) => {
    const info = renderInfo(file);
    info.words = countWords(readableText(tree, true));
    info.excerpt = excerpt(readableText(tree, false));
  };
}
