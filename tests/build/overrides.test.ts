/**
 * The override contract: replaced components get the documented props, can wrap the theme's
 * own, and can use the public page-data and URL modules (README "Overriding components").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, post, type BuiltSite } from '../helpers/site.ts';

const POST_META = `---
import type { PostMetaProps } from 'astro-theme-chirpy/types';
import Default from 'astro-theme-chirpy/components/PostMeta.astro';
const props = Astro.props as PostMetaProps;
---
<Default {...props} />
<p class="my-meta" data-words={props.words} data-updated={props.updated?.toISOString()}>
  {props.authors.map((author) => author.name).join(' + ')} / {props.page.locale}
</p>
`;

const POST_CARD = `---
import type { PostCardProps } from 'astro-theme-chirpy/types';
import { postSummary, previewImage } from 'astro-theme-chirpy/page-data';
import { postUrl, tagUrl } from 'astro-theme-chirpy/urls';
const { post, pinned } = Astro.props as PostCardProps;
const summary = await postSummary(post);
const image = previewImage(post);
---
<article class="my-card" data-pinned={pinned ? 'yes' : 'no'}>
  <a href={postUrl(post.id)}>{post.data.title}</a>
  <p>{summary}</p>
  {image && <img src={image.src} alt={image.alt} />}
  {post.data.tags.map((tag) => <a class="my-tag" href={tagUrl(tag)}>{tag}</a>)}
</article>
`;

describe('replaced components', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite('overrides', {
      posts: {
        '2024-03-01-first.md': post(
          {
            title: 'First',
            date: '2024-03-01 08:00:00 +0000',
            last_modified_at: '2024-03-09 08:00:00 +0000',
            author: 'kim',
            tags: '[Deep Learning]',
            pin: 'yes',
            image: '{ path: preview.png, alt: "A preview" }',
            media_subpath: '/img',
          },
          'One two three four five.',
        ),
        '2024-03-02-second.md': post({ title: 'Second', description: 'Described' }),
      },
      files: {
        'src/components/MyPostMeta.astro': POST_META,
        'src/components/MyPostCard.astro': POST_CARD,
        'public/img/preview.png': 'not really a png',
      },
      options: {
        title: 'Overrides',
        author: 'Site Owner',
        authors: { kim: { name: 'Kim' } },
        locale: 'ko-KR',
        components: { PostMeta: './src/components/MyPostMeta.astro', PostCard: './src/components/MyPostCard.astro' },
      },
      astro: { base: '/blog' },
    });
  });

  it('gives PostMeta its documented props, and the default still renders inside the wrapper', () => {
    const page = site.html('/posts/first/');
    const mine = page.querySelector('p.my-meta')!;
    expect(mine.text.trim()).toBe('Kim / ko-KR');
    expect(mine.getAttribute('data-words')).toBe('5');
    expect(mine.getAttribute('data-updated')).toBe('2024-03-09T08:00:00.000Z');
    expect(page.querySelector('.post-meta .author')!.text).toContain('Kim');
    const second = site.html('/posts/second/').querySelector('p.my-meta')!;
    expect(second.text.trim()).toBe('Site Owner / ko-KR');
    expect(second.getAttribute('data-updated')).toBeUndefined();
  });

  it('lets PostCard use the public page data and URLs, under the base', () => {
    const cards = site.html('/').querySelectorAll('article.my-card');
    expect(cards.map((card) => card.getAttribute('data-pinned'))).toEqual(['yes', 'no']);
    const first = cards[0]!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe('/blog/posts/first/');
    expect(first.querySelector('p')!.text).toBe('One two three four five.');
    expect(first.querySelector('img')!.getAttribute('src')).toBe('/blog/img/preview.png');
    expect(first.querySelector('a.my-tag')!.getAttribute('href')).toBe('/blog/tags/deep-learning/');
    expect(cards[1]!.querySelector('p')!.text).toBe('Described');
  });
});
