/**
 * Where a Markdown node sits in its post file, for warnings: the processor sees the body
 * only, so its line numbers start after the front matter.
 */
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';

/** The number of lines before the Markdown body in the file (the front matter). */
export function bodyLineOffset(file: VFile): number {
  if (!file.path) return 0;
  try {
    const whole = readFileSync(file.path, 'utf8');
    const body = String(file.value);
    const index = whole.indexOf(body.slice(0, Math.min(200, body.length)));
    return index <= 0 ? 0 : whole.slice(0, index).split('\n').length - 1;
  } catch {
    return 0;
  }
}

/** The file's path relative to the project root, as warnings name it. */
export function projectPath(file: VFile, root: string | undefined): string {
  if (!file.path) return 'a post';
  return root ? file.path.slice(root.length).replace(/^[\\/]/, '') : file.path;
}
