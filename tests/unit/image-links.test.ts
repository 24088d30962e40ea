/** Every link the theme puts around a body image has a name, even when the image has no alt text. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../helpers/theme-markdown.ts';

describe('the link around a body image', () => {
  it('is named by the alt text when there is one', async () => {
    const { html } = await renderWithTheme('![A chart](/img/chart.png)', {});
    const link = parse(html).querySelector('a.popup')!;
    expect(link.getAttribute('aria-label')).toBeUndefined();
    expect(link.querySelector('img')!.getAttribute('alt')).toBe('A chart');
  });

  it('is named "Open image <file>" in the page language when the alt text is empty', async () => {
    const english = parse((await renderWithTheme('![](/img/%EC%B0%A8%ED%8A%B8.png)', {})).html);
    expect(english.querySelector('a.popup')!.getAttribute('aria-label')).toBe('Open image 차트.png');
    const korean = parse((await renderWithTheme('![](</img/my chart.png>)', { lang: 'ko-KR' })).html);
    expect(korean.querySelector('a.popup')!.getAttribute('aria-label')).toBe('이미지 열기: my chart.png');
  });
});
