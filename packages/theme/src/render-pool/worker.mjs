// The worker thread's entry of the render pool (render-pool/index.ts; the work is in task.ts).
// Node runs the theme's TypeScript by stripping its types, but refuses to for files under
// node_modules, where an installed theme lives; so the worker strips them itself, with Node's
// own stripper, before loading anything of the theme.
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

// stripTypeScriptTypes says once per thread that it is experimental; the build has nothing to do about it.
process.removeAllListeners('warning');

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'));
    return { format: 'module', source, shortCircuit: true };
  },
});

const { renderPost } = await import('./task.ts');

export default renderPost;
