/**
 * The theme's code is one of a post's render inputs (utils/theme-code-digest.ts): a change to the
 * Markdown pipeline or a new version renders kept posts again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { themeCodeDigest, themeCodeDigestOf } from '../../packages/theme/src/utils/theme-code-digest.ts';
import { REPO_DIR } from '../helpers/site.ts';

describe('the digest of the theme code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'theme-code-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'src/markdown/kramdown'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.0' }));
  writeFileSync(join(dir, 'src/markdown/kramdown/a.ts'), 'export const a = 1;');

  it('changes with a module of the Markdown pipeline, and with the version', () => {
    const first = themeCodeDigestOf(dir);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(themeCodeDigestOf(dir)).toBe(first);
    writeFileSync(join(dir, 'src/markdown/kramdown/a.ts'), 'export const a = 2;');
    const second = themeCodeDigestOf(dir);
    expect(second).not.toBe(first);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.1' }));
    expect(themeCodeDigestOf(dir)).not.toBe(second);
  });

  it("is this theme's own: its package and its src/markdown folder", () => {
    const theme = join(REPO_DIR, 'packages/theme');
    expect(themeCodeDigest()).toBe(themeCodeDigestOf(theme));
    // Not the digest of a theme without sources (the same version alone): the folder was found.
    const bare = mkdtempSync(join(tmpdir(), 'theme-bare-'));
    const { version } = JSON.parse(readFileSync(join(theme, 'package.json'), 'utf8')) as { version: string };
    writeFileSync(join(bare, 'package.json'), JSON.stringify({ version }));
    expect(themeCodeDigest()).not.toBe(themeCodeDigestOf(bare));
    rmSync(bare, { recursive: true, force: true });
  });
});
