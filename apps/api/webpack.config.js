// Bundles the API for Node. node_modules stay external (required at run time from the
// workspace's node_modules); the seed data is copied beside main.js as `seed/`.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
  },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      outputFileName: 'main.js',
      assets: [{ input: 'tools/seed', glob: '**/*', output: 'seed' }],
      externalDependencies: 'all',
      generatePackageJson: false,
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
    }),
  ],
};
