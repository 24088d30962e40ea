/**
 * A worker thread's side of the render pool: renders one post as Astro's Markdown entry type
 * does (astro/dist/vite-plugin-markdown/content-entry-type.js), with a processor built once per
 * worker from the setup the main thread gave the pool as its `workerData` (render-pool/setup.ts). The plugins' warnings are
 * collected and sent back with the post, for the main thread to log in order.
 */
import { unified } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { KRAMDOWN_REMARK_REHYPE } from '../integration/markdown.ts';
import { chirpyMarkdownPipeline } from '../markdown/pipeline.ts';
import { serializeError, type SerializedError } from './errors.ts';
import type { WorkerSetup } from './setup.ts';

/** One post: its body after Liquid, its front matter, its file. */
export interface RenderTask {
  body: string;
  data: Record<string, unknown>;
  filePath?: string;
}

export interface RenderedPost {
  html: string;
  metadata: Record<string, unknown>;
}

export type RenderReply =
  { ok: true; rendered: RenderedPost; warnings: string[] } | { ok: false; error: SerializedError; warnings: string[] };

type Renderer = Awaited<ReturnType<ReturnType<typeof unified>['createRenderer']>>;

let warnings: string[] = [];
let renderer: Promise<Renderer> | undefined;

function createRenderer(setup: WorkerSetup): Promise<Renderer> {
  const plugins = chirpyMarkdownPipeline({ ...setup.pipeline, warn: (message) => warnings.push(message) });
  // As integration/markdown.ts sets it up (Astro's GFM and SmartyPants off: the site's processor's values).
  const processor = unified({
    ...plugins,
    gfm: setup.processor.gfm,
    smartypants: setup.processor.smartypants,
    remarkRehype: { ...KRAMDOWN_REMARK_REHYPE, ...setup.processor.remarkRehype },
  } as Parameters<typeof unified>[0]);
  return processor.createRenderer(setup.shared as never);
}

export async function renderPost(task: RenderTask): Promise<RenderReply> {
  warnings = [];
  try {
    const processor = await (renderer ??= createRenderer(Tinypool.workerData as WorkerSetup));
    const result = await processor.render(task.body ?? '', {
      frontmatter: task.data,
      ...(task.filePath ? { fileURL: pathToFileURL(task.filePath) } : {}),
    });
    const metadata = result.metadata as typeof result.metadata & {
      localImagePaths: string[];
      remoteImagePaths: string[];
    };
    return {
      ok: true,
      rendered: {
        html: result.code,
        metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) },
      },
      warnings,
    };
  } catch (error) {
    return { ok: false, error: serializeError(error), warnings };
  }
}
