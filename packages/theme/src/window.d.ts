/** Globals the theme's small inline scripts touch (analytics and comment providers). */
interface Window {
  dataLayer?: unknown[];
  _paq?: unknown[][];
  disqus_config?: (this: { page: { url: string; identifier: string } }) => void;
  mermaid?: { initialize(options: object): void; run(options: { nodes: Element[] }): Promise<void> };
}
