declare module 'virtual:chirpy/config' {
  const config: import('./config.ts').ChirpyConfig;
  export default config;
  /** True in `astro build`, false in `astro dev`: analytics run in built sites only. */
  export const isBuild: boolean;
  /** The site's `base` path, ending in a slash (`/`, `/blog/`). */
  export const base: string;
  /** The icons pages link and the manifest lists (integration/favicons.ts). */
  export const favicons: import('./integration/favicons.ts').Favicons;
}

declare module 'virtual:chirpy/components/*' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}

declare module 'virtual:chirpy/mermaid' {
  /** URL of mermaid's browser bundle when the site installed `mermaid`. */
  const src: string | undefined;
  export default src;
}

declare module 'virtual:chirpy/served' {
  /** The site's fixed routes (integration/served-paths.ts): no post may redirect from them. */
  export const routes: import('./integration/served-paths.ts').ServedRoute[];
  /** The files in `public/`, relative to it. */
  export const publicFiles: string[];
}
