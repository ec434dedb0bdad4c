// Loads TypeScript specs under jasmine: transpile-only ts-node (type checking is the
// `typecheck` target's job) plus the workspace path aliases (@sigap/*).
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
require('ts-node').register({
  project: path.join(__dirname, 'tsconfig.json'),
  transpileOnly: true,
});
const base = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: base.compilerOptions.paths });
