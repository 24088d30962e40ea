/**
 * The types a site works with: the options, the posts, the data pages show, and the props of
 * the components a site can replace. `import type { PostMetaProps } from 'astro-theme-chirpy/types'`.
 */
export type { ChirpyConfig, ChirpyUserConfig, OverridableComponent } from './config.ts';
export type { ChirpyLoaderOptions } from './loaders.ts';
export type { ChirpyPostData, ChirpySchemaOptions } from './schema.ts';
export type { Post } from './data/site.ts';
export type { Author, Heading, PostPageData, PreviewImage, RelatedPost } from './data/post-page.ts';
export type { PageLocale } from './data/i18n.ts';
export type { LocaleCode, Translate } from './locales/index.ts';
export type {
  CommentsProps,
  FooterProps,
  HeadProps,
  PostCardProps,
  PostMetaProps,
  SidebarProps,
  TopbarProps,
} from './components/props.ts';
