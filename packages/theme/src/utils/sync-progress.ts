/**
 * Progress of the posts' content sync, for the loader's logger. A large blog's first `astro dev`
 * (or a cold build) spends minutes rendering posts while Astro shows only "Syncing content"; this
 * says how far it is: "posts: 300 of 719", at each tenth of the posts or every two seconds
 * (never two lines within a second), and only once the sync has taken two seconds (a small blog syncs without a line). When
 * the sync ends, one line says how many posts were rendered and how many a kept content store
 * already held, which is also how to see what an incremental build rendered again.
 *
 * Not from Jekyll or kramdown: Jekyll's `--verbose` names every file it renders instead.
 */

export interface SyncProgress {
  /** A post was handed to the loader (it is read, then rendered unless the store holds it). */
  started(): void;
  /** A post was rendered (not taken from the content store). */
  rendered(): void;
  /** The sync is over: logs the summary; later calls (the dev server's file watcher) log nothing. */
  finish(): void;
}

export interface SyncProgressOptions {
  /** How many posts the sync will hand over. */
  total: number;
  log(message: string): void;
  /** Milliseconds, for tests; `performance.now` by default. */
  now?: () => number;
  /** Quiet for this long after the start, and at most one line per this long otherwise (ms). */
  interval?: number;
}

export function syncProgress({
  total,
  log,
  now = () => performance.now(),
  interval = 2000,
}: SyncProgressOptions): SyncProgress {
  const start = now();
  let started = 0;
  let rendered = 0;
  let lastLogged = start;
  let lastTenth = 0;
  let done = false;
  return {
    started() {
      if (done) return;
      started += 1;
      if (started >= total) return;
      const time = now();
      if (time - start < interval) return;
      const tenth = Math.floor((started * 10) / total);
      // A new tenth, unless a line came less than half an interval ago (then it waits for that),
      // or a whole interval without a line.
      if ((tenth > lastTenth && time - lastLogged >= interval / 2) || time - lastLogged >= interval) {
        lastTenth = tenth;
        lastLogged = time;
        log(`posts: ${started} of ${total} (${Math.floor((started * 100) / total)}%)`);
      }
    },
    rendered() {
      if (!done) rendered += 1;
    },
    finish() {
      if (done) return;
      done = true;
      const seconds = ((now() - start) / 1000).toFixed(1);
      const kept = started - rendered;
      log(
        `${started} ${started === 1 ? 'post' : 'posts'} in ${seconds} s: ${rendered} rendered` +
          (kept > 0 ? `, ${kept} unchanged (kept from the content store)` : ''),
      );
    },
  };
}
