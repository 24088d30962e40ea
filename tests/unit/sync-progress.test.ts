/**
 * The posts' sync progress (utils/sync-progress.ts): quiet for a short sync, then at most a line per
 * tenth of the posts or per interval, and one summary line with what was rendered and what a kept
 * content store held.
 */
import { describe, expect, it } from 'vitest';
import { syncProgress } from '../../packages/theme/src/utils/sync-progress.ts';

function clocked(total: number) {
  let time = 0;
  const lines: string[] = [];
  const progress = syncProgress({ total, log: (line) => lines.push(line), now: () => time });
  return { progress, lines, advance: (ms: number) => (time += ms) };
}

describe('syncProgress', () => {
  it('says nothing but the summary when the sync is short', () => {
    const { progress, lines, advance } = clocked(3);
    for (let i = 0; i < 3; i += 1) {
      progress.started();
      progress.rendered();
      advance(100);
    }
    progress.finish();
    expect(lines).toEqual(['3 posts in 0.3 s: 3 rendered']);
  });

  it('reports each tenth once the sync is slow, never twice within half the interval, and every interval within a tenth', () => {
    const { progress, lines, advance } = clocked(1000);
    for (let i = 0; i < 1000; i += 1) {
      progress.started();
      if (i % 2 === 0) progress.rendered();
      // 10 ms a post; 5 s for the post after the 700th (a slow one)
      advance(i === 700 ? 5000 : 10);
    }
    progress.finish();
    expect(lines).toEqual([
      'posts: 201 of 1000 (20%)',
      // a tenth waits until a second has passed since the line before
      'posts: 301 of 1000 (30%)',
      'posts: 401 of 1000 (40%)',
      'posts: 501 of 1000 (50%)',
      'posts: 601 of 1000 (60%)',
      'posts: 701 of 1000 (70%)',
      // five seconds on one post: a line without a new tenth
      'posts: 702 of 1000 (70%)',
      'posts: 802 of 1000 (80%)',
      'posts: 902 of 1000 (90%)',
      '1000 posts in 15.0 s: 500 rendered, 500 unchanged (kept from the content store)',
    ]);
  });

  it('counts nothing after the summary (the dev server re-syncing one file)', () => {
    const { progress, lines } = clocked(1);
    progress.started();
    progress.finish();
    progress.started();
    progress.rendered();
    progress.finish();
    expect(lines).toEqual(['1 post in 0.0 s: 0 rendered, 1 unchanged (kept from the content store)']);
  });
});
