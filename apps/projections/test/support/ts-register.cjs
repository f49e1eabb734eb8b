// Lets a plain `node` child process (a process the crash test can kill -9) load this
// repository's TypeScript sources: swc compiles them to CommonJS on require, `.js`
// specifiers resolve to the `.ts` files, and `@meals/*` (adapter subpaths included) to each package's sources.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../../../..');
const aliases = {
  '@meals/domain': 'libs/domain/src/index.ts',
  '@meals/event-store': 'libs/event-store/src/index.ts',
  '@meals/read-model-store': 'libs/read-model-store/src/index.ts',
  '@meals/read-models': 'libs/read-models/src/index.ts',
  '@meals/event-store/sqlite': 'libs/event-store/src/sqlite/index.ts',
  '@meals/event-store/kurrentdb': 'libs/event-store/src/kurrentdb/index.ts',
  '@meals/event-store/create': 'libs/event-store/src/create-event-store.ts',
  '@meals/read-model-store/sqlite': 'libs/read-model-store/src/sqlite/index.ts',
  '@meals/read-model-store/mongodb': 'libs/read-model-store/src/mongo/index.ts',
  '@meals/read-model-store/create': 'libs/read-model-store/src/create-read-model-store.ts',
  '@meals/projections': 'apps/projections/src/index.ts',
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (aliases[request]) return path.join(root, aliases[request]);
  if (request.startsWith('.') && request.endsWith('.js') && parent && parent.filename.endsWith('.ts')) {
    const candidate = path.resolve(path.dirname(parent.filename), `${request.slice(0, -3)}.ts`);
    if (fs.existsSync(candidate)) return candidate;
  }
  return resolve.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
