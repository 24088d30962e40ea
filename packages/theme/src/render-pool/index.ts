/**
 * Renders posts in a pool of worker threads while the content syncs.
 *
 * Astro renders a collection's Markdown on one thread; the loader hands each post that needs
 * rendering (its digest changed) to this pool instead, and stores the HTML and metadata the
 * worker sends back, which are the same, byte for byte, as on one thread (tests/build/
 * render-pool.test.ts). Liquid, front matter and the content store stay on the main thread.
 *
 * - Size: `chirpyLoader({ workers })`; by default as many threads as the machine has cores,
 *   for a sync of at least `AUTO_MIN_POSTS` posts to render (below that, starting the workers
 *   costs more than they save; `poolPlan`). `workers: 0` renders on one thread.
 * - When not: a site whose Markdown a worker cannot rebuild (render-pool/setup.ts says why),
 *   a Node without `module.registerHooks`; the posts are then rendered on the main thread, and
 *   the loader says so once.
 * - Only during the sync: the pool is closed when it ends, so an edit in `astro dev` renders
 *   on the main thread at once, as before.
 * - Errors and warnings read as on one thread: a render error is made again on the main thread
 *   with its file and line (render-pool/errors.ts); the plugins' warnings are logged in order.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { reviveError } from './errors.ts';
import type { RenderedPost, RenderReply, RenderTask } from './task.ts';
import type { WorkerSetup } from './setup.ts';

/** `auto` starts a pool only for a sync of at least this many posts. */
export const AUTO_MIN_POSTS = 100;
/**
 * `auto`'s most threads: Astro's glob loader has at most 10 posts in flight, and each worker
 * holds its own Shiki, KaTeX and pipeline (about 100 MB; at N = 1000, four workers raised the
 * build's peak by 300 MB over two). On two cores, four were slower than two (BENCHMARKS.md).
 */
export const AUTO_MAX_THREADS = 4;

export type WorkersOption = number | 'auto';

/** How many worker threads, and how many posts the main thread renders before they start. */
export interface PoolPlan {
  /** 0: the main thread renders every post. */
  threads: number;
  /** Posts rendered on the main thread before the pool starts (0: the pool takes the first). */
  startAfter: number;
}

/**
 * The pool for a sync of `posts` posts of which the kept content store holds `stored`. A number
 * is taken as it is. `'auto'`: one thread per core (at most `AUTO_MAX_THREADS`) on a machine
 * with two or more, for at least
 * `AUTO_MIN_POSTS` posts; when the store already holds most of them (a warm build, where one
 * edited post is rendered again), the main thread renders until `AUTO_MIN_POSTS` posts have
 * asked to be, so a build that renders a few posts does not start the workers for them.
 */
export function poolPlan(
  option: WorkersOption,
  { posts, stored, cores = availableParallelism() }: { posts: number; stored: number; cores?: number },
): PoolPlan {
  if (option !== 'auto') return { threads: Math.max(0, Math.floor(option)), startAfter: 0 };
  if (posts < AUTO_MIN_POSTS || cores < 2) return { threads: 0, startAfter: 0 };
  return {
    threads: Math.min(cores, AUTO_MAX_THREADS),
    startAfter: posts - stored >= AUTO_MIN_POSTS ? 0 : AUTO_MIN_POSTS,
  };
}

/** Whether this Node can load the theme's TypeScript in a worker (worker.mjs). */
export async function nodeCanRunWorkers(): Promise<boolean> {
  const module = await import('node:module');
  return typeof module.registerHooks === 'function' && typeof module.stripTypeScriptTypes === 'function';
}

/** The pool itself failed (a worker could not start or died, a post's data could not be sent). */
export class RenderPoolError extends Error {
  override name = 'RenderPoolError';
}

export interface RenderPool {
  render(entry: RenderTask): Promise<RenderedPost>;
  close(): Promise<void>;
}

const YOUNG_GENERATION_MB = 128;
const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'worker.mjs');

export function createRenderPool(options: {
  threads: number;
  setup: WorkerSetup;
  warn(message: string): void;
}): RenderPool {
  const pool = new Tinypool({
    filename: WORKER,
    minThreads: options.threads,
    maxThreads: options.threads,
    isolateWorkers: false,
    // What each worker builds its processor from, sent once (render-pool/task.ts).
    workerData: options.setup,
    idleTimeout: Number.POSITIVE_INFINITY,
    // A young generation larger than V8's default: parsing a post makes many short-lived
    // objects, and with two threads rendering at once the default's frequent scavenges cost a
    // fifth of the sync (BENCHMARKS.md, "Rendering in a pool of workers").
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return {
    async render(entry) {
      let reply: RenderReply;
      try {
        reply = (await pool.run(entry satisfies RenderTask)) as RenderReply;
      } catch (error) {
        throw new RenderPoolError(error instanceof Error ? error.message : String(error), { cause: error });
      }
      for (const message of reply.warnings) options.warn(message);
      if (!reply.ok) throw reviveError(reply.error);
      return reply.rendered;
    },
    close: () => pool.destroy(),
  };
}
