/**
 * Starts a worker thread from a module next to the caller: the compiled `.js` when there is
 * one (the built package), else its TypeScript source, compiled on load with swc (tests
 * run the sources, and Node cannot run this package's TypeScript by itself).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

export interface ThreadOptions {
  /** heap limits: a thread that exceeds them dies alone (ERR_WORKER_OUT_OF_MEMORY) */
  resourceLimits?: ResourceLimits;
}

/** `compiled` is the `.js` URL of the entry module; its `.ts` sibling is the fallback. */
export function startThread(
  compiled: URL,
  workerData: unknown,
  transferList: Transferable[] = [],
  options: ThreadOptions = {},
): Worker {
  const entry = threadModuleUrl(compiled);
  if (entry === compiled) return new Worker(compiled, { workerData, transferList, ...options });
  const swcPath = createRequire(entry).resolve('@swc/core');
  return new Worker(TYPESCRIPT_BOOTSTRAP, {
    eval: true,
    workerData: { entry: entry.href, swcPath, workerData },
    transferList,
    ...options,
  });
}

/**
 * A module for a thread to import: `compiled` (a `.js` URL) when it exists, else its `.ts`
 * source, which threads started by startThread from sources can import.
 */
export function threadModuleUrl(compiled: URL): URL {
  if (existsSync(fileURLToPath(compiled))) return compiled;
  const source = new URL(compiled.href.replace(/\.js$/, '.ts'));
  if (!existsSync(fileURLToPath(source)))
    throw new Error(`no module at ${fileURLToPath(compiled)} (build the package)`);
  return source;
}

/**
 * Runs in the new thread (CommonJS, as eval'd workers are): `.js` imports of a `.ts` module
 * resolve to the `.ts` file, which swc compiles to an ES module; then the entry is imported
 * with the caller's workerData in place.
 */
const TYPESCRIPT_BOOTSTRAP = `
const { registerHooks, syncBuiltinESMExports } = require('node:module');
const { existsSync, readFileSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const threads = require('node:worker_threads');
const { entry, swcPath, workerData } = threads.workerData;
const swc = require(swcPath);
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\\.\\.?\\//.test(specifier) && specifier.endsWith('.js') && context.parentURL && context.parentURL.endsWith('.ts')) {
      const candidate = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
      if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.endsWith('.ts')) return nextLoad(url, context);
    const filename = fileURLToPath(url);
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
threads.workerData = workerData;
syncBuiltinESMExports();
import(entry).catch((error) => {
  setImmediate(() => { throw error; });
});
`;
