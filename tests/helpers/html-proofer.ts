/**
 * html-proofer, the checker Chirpy's own CI runs over a built site (Debian's ruby-html-proofer):
 * internal links, images and hashes. Returns each failure it reports, without line numbers.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function htmlProofer(dir: string): Promise<string[]> {
  // Debian's html-proofer is 3.x; `--empty-alt-ignore` is 4.x's default (a decorative image may
  // have alt=""), which Chirpy's CI runs.
  const output = await run('htmlproofer', [dir, '--disable-external', '--empty-alt-ignore']).then(
    ({ stdout, stderr }) => `${stdout}${stderr}`,
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
  if (!/HTML-Proofer (?:finished successfully|found \d+ failures?)/.test(output)) {
    throw new Error(`html-proofer did not run:\n${output}`);
  }
  return output
    .split('\n')
    .filter((line) => line.startsWith('  *  '))
    .map((line) =>
      line
        .slice(5)
        .replace(/ \(line \d+\)$/, '')
        .trim(),
    );
}
