/**
 * Dates as Jekyll reads them. Every form below goes into a post's front matter as written; Jekyll
 * (with the site timezone Asia/Seoul) prints `{{ page.date | date_to_xmlschema }}`, and the
 * theme's loader must give the same instant. Forms Jekyll rejects must stay errors here.
 * Collected from Ruby's `Time.parse` and Psych (Ruby's YAML), and from real Chirpy posts (a
 * Chirpy 5 blog writes 128 of its 182 dates as `2022-03-04 03:00:00 PM`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeFrontmatter } from '../../packages/theme/src/utils/frontmatter.ts';
import { jekyllBuild, type JekyllPost } from '../helpers/jekyll.ts';

const ZONE = 'Asia/Seoul';

/** `date:` values exactly as a post writes them (quotes included where a post would quote). */
const ACCEPTED = [
  '2022-03-04 03:00:00 PM',
  '2022-03-04 03:00:00 AM',
  '2022-03-04 12:00:00 AM',
  '2022-03-04 12:30:00 PM',
  '2022-03-04 3:00 PM',
  '2022-03-04 3:00:00 pm',
  '2022-03-04 03:00:00 PM +0900',
  '2022-03-04 13:00:00 PM',
  '2022-03-04 3pm',
  '2021-04-30 12 pm',
  '2022-03-04 15:00:00 +0900',
  '2022-03-04 15:00:00+0900',
  '2022-03-04 15:00:00 +09:00',
  '2022-03-04 15:00:00 +09',
  '2022-03-04 15:00:00 -0500',
  '2022-03-04T15:00:00+09:00',
  '2022-03-04T15:00:00Z',
  '2022-03-04 15:00:00 Z',
  '2022-03-04 15:00:00 UTC',
  '2022-03-04 15:00:00 GMT',
  '2022-03-04 15:00:00 EST',
  '2021-04-30 10:00:00 MST',
  '2022-03-04 15:00:00 KST',
  '2021-04-30 10:00:00 CEST',
  '2022-03-04 15:00:00.123 +0900',
  '2022-03-04 15:00',
  '2022-03-04 15:00 +0900',
  '2022-03-04',
  '2022-3-4 9:05',
  '2022/03/04 15:00',
  '2021.4.30',
  '20220304',
  '30/04/2021',
  'March 4, 2022',
  'April 30 2021',
  '30 April 2021 10:00',
  '04 Mar 2022',
  'Apr 30, 2021, 10:00 AM',
  'Fri, 04 Mar 2022 15:00:00 +0900',
  '2021-02-30',
  '2021-04-31',
  '2022-03-04 15:00:00 +0900 extra words',
  // Unquoted YAML timestamps: Ruby's YAML reads one without an offset as UTC.
  '2022-03-04 15:00:00',
  '2022-03-04T15:00:00',
  '2022-03-04 09:30:00.5',
  // Quoted, the same text is a string, read in the site timezone.
  "'2022-03-04 15:00:00'",
  '"2022-03-04 15:00:00"',
];

const REJECTED = ['2021-13-45', "'2021-04-30 25:00'", 'yesterday', "'04/30/2021'", "'2021-04-30 10:61'"];

const file = (index: number) => `2022-03-04-date-${String(index).padStart(2, '0')}.md`;
const text = (date: string) => `---\ntitle: t\ndate: ${date}\n---\n\nx\n`;

function themeInstant(date: string, index: number): unknown {
  return normalizeFrontmatter({}, { fileName: file(index), contents: text(date), timeZone: ZONE }).date;
}

describe('post dates: Jekyll and the theme agree', () => {
  let published: Map<string, JekyllPost>;
  beforeAll(async () => {
    published = await jekyllBuild(
      'dates',
      Object.fromEntries(ACCEPTED.map((date, i) => [file(i), text(date)])),
      `timezone: ${ZONE}`,
    );
  });

  it.each(ACCEPTED.map((date, i) => [date, i] as const))('%s', (date, index) => {
    const post = published.get(file(index));
    expect(post, `Jekyll published the post dated ${date}`).toBeDefined();
    const theme = themeInstant(date, index);
    expect(theme, `the theme reads ${date} as a date`).toBeInstanceOf(Date);
    // date_to_xmlschema prints whole seconds.
    const seconds = Math.floor((theme as Date).getTime() / 1000) * 1000;
    expect(new Date(seconds).toISOString()).toBe(new Date(post!.date).toISOString());
  });

  it.each(REJECTED.map((date, i) => [date, i] as const))('%s is rejected by both', async (date, index) => {
    await expect(
      jekyllBuild(`date-rejected-${index}`, { [file(index)]: text(date) }, `timezone: ${ZONE}`),
    ).rejects.toThrow(/Invalid date|does not have a valid date|could not read/);
    expect(themeInstant(date, index)).not.toBeInstanceOf(Date);
  });
});
