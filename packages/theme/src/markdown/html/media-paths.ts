/**
 * Media paths as Chirpy resolves them: `[cdn/][media_subpath/]src`, so a bare
 * `images/x.png` is root-relative rather than relative to the post.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { mediaUrl } from '../../utils/media.ts';
import { frontmatterOf } from '../frontmatter.ts';

export interface RemarkMediaOptions {
  cdn?: string | undefined;
  base?: string | undefined;
}

export function remarkMedia(options: RemarkMediaOptions = {}) {
  return (tree: Root, file: VFile) => {
    const frontmatter = frontmatterOf(file);
    const subpath = frontmatter.media_subpath;
    const settings = {
      cdn: options.cdn,
      base: options.base,
      subpath: typeof subpath === 'string' ? subpath : undefined,
    };
    visit(tree, 'image', (node) => {
      node.url = mediaUrl(node.url, settings);
    });
  };
}
