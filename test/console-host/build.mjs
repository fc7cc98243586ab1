// Builds the console-like test host from the *packed* library, the way a console developer would
// consume it: `npm pack` of dist-lib/ (run `npm run build:lib` first), installed into this host's
// node_modules, bundled by webpack 5 with React 18.2 and Tailwind 3.3's preflight. Also builds a
// page without any bundler (<script type="module"> + an import map) that loads dist-lib as shipped.
// Output: dist-e2e/console-host/ (served by serve.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const out = join(repo, 'dist-e2e/console-host');
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

// 1. The host's own dependencies (its lockfile), then the packed library as an installed package.
if (process.env.CONSOLE_HOST_SKIP_INSTALL !== '1') run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], here);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
run('npm', ['pack', join(repo, 'dist-lib'), '--pack-destination', out, '--loglevel=error'], repo);
const tarball = readdirSync(out).find((name) => name.startsWith('lineage-studio-') && name.endsWith('.tgz'));
if (!tarball) throw new Error('npm pack produced no lineage-studio-*.tgz');
const installed = join(here, 'node_modules/lineage-studio');
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
run('tar', ['-xzf', join(out, tarball), '-C', installed, '--strip-components=1'], repo);

// 2. webpack 5, configured like react-scripts 5 where it matters: ES modules from node_modules,
//    `new Worker(new URL(…, import.meta.url))`, CSS through postcss-loader (Tailwind) and
//    style-loader (each stylesheet a <style> in import order).
const require = createRequire(join(here, 'package.json'));
const webpack = require('webpack');
const tailwind = require('tailwindcss');
const hostModules = join(here, 'node_modules');
const config = {
  // CONSOLE_HOST_MODE=development: React's full error messages, for debugging.
  mode: process.env.CONSOLE_HOST_MODE ?? 'production',
  context: here,
  entry: {
    console: './src/entry-console.js',
    'reset-first': './src/entry-reset-first.js',
    bare: './src/entry-bare.js',
    nostudio: './src/entry-nostudio.js',
  },
  output: { path: join(out, 'static'), publicPath: '/static/', filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
  resolve: { modules: [hostModules, 'node_modules'], alias: { react: join(hostModules, 'react'), 'react-dom': join(hostModules, 'react-dom') } },
  module: {
    rules: [
      {
        test: /\.css$/,
        use: [
          require.resolve('style-loader'),
          { loader: require.resolve('css-loader'), options: { importLoaders: 1 } },
          { loader: require.resolve('postcss-loader'), options: { postcssOptions: { plugins: [tailwind(join(here, 'tailwind.config.cjs'))] } } },
        ],
      },
    ],
  },
  performance: { hints: false },
  devtool: false,
};

// React 18.2 as one ES module, for the page without a bundler (its import map points every React
// specifier the library imports at it).
const hostRequire = createRequire(join(hostModules, 'react/package.json'));
const names = (id) => Object.keys(hostRequire(id)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
const reactNames = names('react');
const esmSource = [
  "import * as React from 'react';",
  "import * as Client from 'react-dom/client';",
  "import * as Dom from 'react-dom';",
  "import * as Jsx from 'react/jsx-runtime';",
  'export default React;',
  ...reactNames.map((n) => `export const ${n} = React.${n};`),
  ...['createRoot', 'hydrateRoot'].map((n) => `export const ${n} = Client.${n};`),
  ...names('react-dom')
    .filter((n) => !reactNames.includes(n) && n !== 'createRoot' && n !== 'hydrateRoot')
    .map((n) => `export const ${n} = Dom.${n};`),
  ...['jsx', 'jsxs'].map((n) => `export const ${n} = Jsx.${n};`),
].join('\n');
const esmEntry = join(out, 'react-esm-entry.js');
writeFileSync(esmEntry, esmSource);
const esmConfig = {
  mode: 'production',
  context: here,
  entry: esmEntry,
  experiments: { outputModule: true },
  output: { path: join(out, 'plain'), filename: 'react.js', library: { type: 'module' } },
  resolve: config.resolve,
  performance: { hints: false },
  devtool: false,
};

await new Promise((resolve, reject) =>
  webpack([config, esmConfig], (error, stats) => {
    if (error) return reject(error);
    if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
    console.log(stats.toString({ colors: false, modules: false, children: false, assets: false, chunks: false }).split('\n').slice(0, 4).join('\n'));
    resolve();
  }),
);

// 3. The pages.
const page = (title, body) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="UTF-8" />\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
for (const name of ['console', 'reset-first', 'bare', 'nostudio']) {
  writeFileSync(join(out, `${name}.html`), page(`DQOps console (${name})`, `<div id="root"></div>\n<script defer src="/static/${name}.js"></script>`));
}
cpSync(installed, join(out, 'pkg'), { recursive: true });
writeFileSync(
  join(out, 'plain.html'),
  page(
    'A page without a bundler',
    `<script type="importmap">${JSON.stringify({ imports: Object.fromEntries(['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client'].map((s) => [s, '/plain/react.js'])) })}</script>
<link rel="stylesheet" href="/pkg/lineage-studio.css" />
<h1 id="plain-title">A page without a bundler</h1>
<div id="plain-box" style="height: 600px; border: 1px solid #999"></div>
<script type="module">
  import { mountLineageStudio } from '/pkg/lineage-studio.js';
  mountLineageStudio(document.getElementById('plain-box'), {
    baseUrl: '',
    initialTable: { connection: 'warehouse', schema: 'marts', table: 'fct_orders' },
    showPicker: false,
  });
</script>`,
  ),
);
console.log(`console host built in ${out}`);
