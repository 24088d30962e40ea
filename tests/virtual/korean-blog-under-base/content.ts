/**
 * `astro:content` for this project: the posts, made the way the loader makes them (front
 * matter normalised, then the theme's schema), with the HTML and render facts the Markdown
 * pipeline would have stored.
 */
import { normalizeFrontmatter } from '../../../packages/theme/src/utils/frontmatter.ts';
import { chirpySchema } from '../../../packages/theme/src/schema.ts';
import type { Post } from '../../../packages/theme/src/data/site.ts';

interface PostSource {
  file: string;
  frontmatter: string;
  html: string;
  excerpt: string;
}

const SOURCES: PostSource[] = [
  {
    file: '2024-03-05-모델-설정.md',
    frontmatter:
      "title: 모델 설정 & <튜닝>\ndate: '2024-03-05 08:30:00'\ncategories: [AI, ML]\ntags: 딥러닝\nauthor: kim",
    html: '<p>본문 <a href="/blog/posts/other/">다른 글</a> <img src="/blog/img/a.png" alt="a"></p>',
    excerpt: '본문 다른 글',
  },
  {
    file: '2024-01-02-plain.md',
    frontmatter: 'title: Plain\ndescription: A post with a description\nlast_modified_at: 2024-04-01 12:00:00 +0000',
    html: '<p>Plain text.</p>',
    excerpt: 'Plain text.',
  },
];

function yamlOf(text: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    data[key!] = value.startsWith('[') ? value.slice(1, -1).split(/,\s*/) : value.replace(/^'(.*)'$/, '$1');
  }
  return data;
}

const schema = chirpySchema();

const POSTS: Post[] = SOURCES.map((source) => {
  const contents = `---\n${source.frontmatter}\n---\n`;
  const data = normalizeFrontmatter(yamlOf(source.frontmatter), {
    fileName: source.file,
    contents,
    timeZone: 'Asia/Seoul',
  });
  const id = source.file.replace(/^\d+-\d+-\d+-/, '').replace(/\.md$/, '');
  return {
    id,
    data: schema.parse(data),
    filePath: `src/content/posts/${source.file}`,
    rendered: {
      html: source.html,
      metadata: {
        frontmatter: {
          chirpy: { words: 3, excerpt: source.excerpt, hasCode: false, hasMermaid: false, tocSkip: [] },
        },
      },
    },
  };
});

export async function getCollection(): Promise<Post[]> {
  return POSTS;
}

export async function render(): Promise<never> {
  throw new Error('render() is not available in unit tests: give the post its rendered HTML.');
}
