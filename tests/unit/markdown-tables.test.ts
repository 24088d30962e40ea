/** rehype-tables alone: the scrolling wrapper and cell alignment as a style. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rehypeTables } from '../../packages/theme/src/markdown/html/tables.ts';
import { renderBare } from '../helpers/theme-markdown.ts';

const TABLE = '| Left | Center | Right | None |\n|:-----|:------:|------:|------|\n| a | b | c | d |';

describe('tables', () => {
  it('sit in a focusable wrapper that scrolls sideways', async () => {
    const { html } = await renderBare(`Before\n\n${TABLE}\n\nAfter`, { rehype: [rehypeTables] });
    const wrapper = parse(html).querySelector('div.table-wrapper')!;
    expect(wrapper.getAttribute('tabindex')).toBe('0');
    expect(wrapper.childNodes.filter((node) => node.nodeType === 1).map((node) => node.rawTagName)).toEqual(['table']);
    expect(parse(html).querySelectorAll('table')).toHaveLength(1);
  });

  it('align cells with a style instead of the obsolete align attribute', async () => {
    const { html } = await renderBare(TABLE, { rehype: [rehypeTables] });
    const page = parse(html);
    expect(page.querySelector('[align]')).toBeNull();
    const styles = (selector: string) => page.querySelectorAll(selector).map((cell) => cell.getAttribute('style'));
    expect(styles('th')).toEqual(['text-align: left', 'text-align: center', 'text-align: right', undefined]);
    expect(styles('td')).toEqual(styles('th'));
  });
});
