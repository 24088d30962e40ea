/** HTML for Chirpy's `{% include embed/*.html %}` media embeds. */

/** What the embeds read of the page they are in (markdown/liquid/liquid.ts hands over its Liquid context). */
export interface EmbedContext {
  /** The site origin, no trailing slash (`https://example.com`): Twitch names it as the parent page. */
  siteUrl: string;
  /** Media path rule for video and audio sources and posters (cdn, media_subpath). */
  media(src: string): string;
}

/** Reads `key='value' key="value" key=value` include arguments. */
export function parseIncludeArguments(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:'([^']*)'|"([^"]*)"|(\S+))/g)) {
    args[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return args;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const MIME: Record<string, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogg: 'video/ogg',
  ogv: 'video/ogg',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  opus: 'audio/ogg',
};

const IFRAME_ALLOW = 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture';

function iframe(className: string, src: string, title: string): string {
  return `<iframe class="${className}" loading="lazy" src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" frameborder="0" allow="${IFRAME_ALLOW}" allowfullscreen></iframe>`;
}

function sources(
  src: string,
  types: string | undefined,
  kind: 'video' | 'audio',
  media: (src: string) => string,
): string {
  const extension = /\.([\w]+)(?:[?#].*)?$/.exec(src)?.[1]?.toLowerCase();
  const base = extension ? src.slice(0, src.lastIndexOf(`.${extension}`)) : src;
  const list = [src, ...(types ? types.split('|').map((type) => `${base}.${type.trim()}`) : [])];
  return list
    .map((file) => {
      const ext = /\.([\w]+)(?:[?#].*)?$/.exec(file)?.[1]?.toLowerCase() ?? '';
      const type = MIME[ext] ?? `${kind}/${ext}`;
      return `<source src="${escapeAttribute(media(file))}" type="${type}">`;
    })
    .join('');
}

function mediaElement(
  kind: 'video' | 'audio',
  args: Record<string, string>,
  context: EmbedContext,
): string | undefined {
  if (!args.src) return undefined;
  const attributes = [`class="embed-${kind} file"`, 'controls'];
  if (kind === 'video' && args.poster) attributes.push(`poster="${escapeAttribute(context.media(args.poster))}"`);
  for (const flag of ['autoplay', 'loop', 'muted'] as const) if (args[flag] === 'true') attributes.push(flag);
  if (kind === 'video' && args.autoplay === 'true') attributes.push('playsinline');
  const fallback = `Your browser does not support the ${kind} tag.`;
  const caption = args.title ? `<em>${escapeText(args.title)}</em>` : '';
  return `<p><${kind} ${attributes.join(' ')}>${sources(args.src, args.types, kind, context.media)}${fallback}</${kind}>${caption}</p>`;
}

/** The HTML for one embed, or `undefined` for an include this theme does not know. */
export function embedHtml(name: string, args: Record<string, string>, context: EmbedContext): string | undefined {
  const id = args.id ? encodeURIComponent(args.id) : undefined;
  switch (name) {
    case 'youtube':
      return id && iframe('embed-video', `https://www.youtube.com/embed/${id}`, 'YouTube video player');
    case 'twitch': {
      const parent = new URL(context.siteUrl || 'http://localhost').hostname;
      return (
        id &&
        iframe('embed-video twitch', `https://player.twitch.tv/?video=${id}&parent=${parent}`, 'Twitch video player')
      );
    }
    case 'bilibili':
      return id && iframe('embed-video', `https://player.bilibili.com/player.html?bvid=${id}`, 'Bilibili video player');
    case 'spotify':
      return (
        id &&
        iframe(
          `embed-audio spotify${args.compact === 'true' ? ' compact' : ''}`,
          `https://open.spotify.com/embed/track/${id}`,
          'Spotify player',
        )
      );
    case 'video':
      return mediaElement('video', args, context);
    case 'audio':
      return mediaElement('audio', args, context);
    default:
      return undefined;
  }
}
