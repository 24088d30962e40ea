/**
 * Chirpy's code blocks: each highlighted `pre` gets a header with its language (or the
 * `file=` name from its IAL) and a copy button; line numbers unless the language or the IAL
 * (`.nolineno`) turns them off. On posts with `mermaid: true`, a `mermaid` block becomes a
 * diagram for mermaid to draw. Notes that the post has code (and diagrams) for the pages.
 */
import type { Element, Root } from 'hast';
import { SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CLASS } from './class-names.ts';
import { codeLabel } from './code-labels.ts';
import { frontmatterOf, isOn, renderInfo } from '../frontmatter.ts';
import { classesOf, textOf, visitPostElements } from './hast.ts';

const COPY_ICON =
  'M8 3h9a2 2 0 0 1 2 2v11h-2V5H8Zm-3 4h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2Zm0 2v10h9V9Z';
const COPIED_ICON = 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7Z';

function icon(className: string, path: string): Element {
  return {
    type: 'element',
    tagName: 'svg',
    properties: {
      className: [className],
      viewBox: '0 0 24 24',
      width: 16,
      height: 16,
      ariaHidden: 'true',
      focusable: 'false',
    },
    children: [{ type: 'element', tagName: 'path', properties: { fill: 'currentColor', d: path }, children: [] }],
  };
}

/** Languages Chirpy shows without line numbers. */
const NO_LINE_NUMBERS = new Set(['plaintext', 'text', 'txt', 'console', 'terminal', 'shellsession', 'shell-session']);

/** The language Shiki highlighted the block as. */
function languageOf(pre: Element): string | undefined {
  const raw = pre.properties.dataLanguage ?? pre.properties['data-language'];
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

/**
 * Chirpy's code block: a header with the language (or the `file=` name) and a copy button. The
 * language shown is the fence's word as written (`fence`, when Shiki was given another name for
 * it: markdown/html/code-labels.ts), else the one Shiki highlighted the block as.
 */
function codeBlock(pre: Element, ial?: { file?: string; classes: string[]; fence?: string }): Element {
  const language = ial?.fence ?? languageOf(pre);
  const file = ial?.file;
  const label = file ?? codeLabel(language);
  const extra = (ial?.classes ?? []).filter((name) => name !== CLASS.codeIal);
  const lineNumbers =
    !extra.includes(CLASS.noLineNumbers) && !NO_LINE_NUMBERS.has((language ?? 'plaintext').toLowerCase());
  return {
    type: 'element',
    tagName: 'div',
    properties: {
      className: [
        CLASS.codeBlock,
        `language-${language ?? 'plaintext'}`,
        ...(lineNumbers ? [CLASS.lineNumbers] : []),
        ...extra,
      ],
      ...(file ? { dataFile: file } : {}),
    },
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: [CLASS.codeHeader] },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: {
              className: file ? [CLASS.codeLabel, CLASS.codeFile] : [CLASS.codeLabel],
              dataLabelText: label,
            },
            children: [{ type: 'text', value: label }],
          },
          {
            type: 'element',
            tagName: 'button',
            properties: { type: 'button', className: [CLASS.codeCopy], ariaLabel: 'Copy code', hidden: true },
            children: [icon('icon-copy', COPY_ICON), icon('icon-copied', COPIED_ICON)],
          },
        ],
      },
      pre,
    ],
  };
}

/** A diagram for mermaid to draw in the browser; until then (or without JavaScript) its source. */
function mermaidBlock(pre: Element): Element {
  return {
    type: 'element',
    tagName: 'pre',
    properties: { className: [CLASS.mermaid] },
    children: [{ type: 'text', value: pre.children.map(textOf).join('').trimEnd() }],
  };
}

const isHighlighted = (node: Element) => node.tagName === 'pre' && classesOf(node).includes(CLASS.highlighted);

export function rehypeCodeBlocks() {
  return (tree: Root, file: VFile) => {
    const info = renderInfo(file);
    const mermaidPost = isOn(frontmatterOf(file).mermaid);
    visitPostElements(tree, (node, index, parent) => {
      // A code block with an IAL: remark-ial's wrapper carries the classes and the file name.
      if (node.tagName === 'div' && classesOf(node).includes(CLASS.codeIal)) {
        const pre = node.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'pre',
        );
        if (!pre || !isHighlighted(pre)) return undefined;
        info.hasCode = true;
        const name = typeof node.properties.dataFile === 'string' ? node.properties.dataFile : undefined;
        const fence = typeof node.properties.dataFence === 'string' ? node.properties.dataFence : undefined;
        parent.children[index] = codeBlock(pre, {
          classes: classesOf(node),
          ...(name !== undefined ? { file: name } : {}),
          ...(fence !== undefined ? { fence } : {}),
        });
        return SKIP;
      }
      if (node.tagName !== 'pre') return undefined;
      if (isHighlighted(node) && mermaidPost && languageOf(node) === 'mermaid') {
        info.hasMermaid = true;
        parent.children[index] = mermaidBlock(node);
        return SKIP;
      }
      info.hasCode = true;
      if (isHighlighted(node)) parent.children[index] = codeBlock(node);
      return SKIP;
    });
  };
}
