/** Share links as Chirpy's `share.yml` builds them: plain links, nothing loaded until clicked. */
export type SharePlatform =
  'twitter' | 'facebook' | 'telegram' | 'linkedin' | 'weibo' | 'bluesky' | 'reddit' | 'threads';

const LABELS: Record<SharePlatform, string> = {
  twitter: 'X (Twitter)',
  facebook: 'Facebook',
  telegram: 'Telegram',
  linkedin: 'LinkedIn',
  weibo: 'Weibo',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  threads: 'Threads',
};

/** The link that shares `url` with `title` ("{post title} - {site title}") on a platform. */
export function shareLink(platform: SharePlatform, title: string, url: string): { label: string; href: string } {
  const t = encodeURIComponent(title);
  const u = encodeURIComponent(url);
  const both = encodeURIComponent(`${title} ${url}`);
  const href = {
    twitter: `https://twitter.com/intent/tweet?text=${t}&url=${u}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?title=${t}&u=${u}`,
    telegram: `https://t.me/share/url?url=${u}&text=${t}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    weibo: `https://service.weibo.com/share/share.php?title=${t}&url=${u}`,
    bluesky: `https://bsky.app/intent/compose?text=${both}`,
    reddit: `https://www.reddit.com/submit?url=${u}&title=${t}`,
    threads: `https://www.threads.net/intent/post?text=${both}`,
  }[platform];
  return { label: LABELS[platform], href };
}
