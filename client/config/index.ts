import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { resolveApiBase } from './api-base';
import devConfig from './dev';
import prodConfig from './prod';

// Empty means "same origin": the H5 app is served next to a proxy that forwards /api to the API.
// The weapp build needs the deployed HTTPS URL, passed in as API_BASE_URL at build time: without
// one the build stops here, before compiling (api-base.ts).
const apiBase = resolveApiBase(process.env.TARO_ENV, process.env.API_BASE_URL);

// The backend modules the app runs as well (pure, no I/O): the ID-number and USCC checks, and the
// line parser of the department importer (the workbench's 批量上传 reads files the same way), and
// the 双公示 file parser and templates.
// Taro compiles only `src` unless told otherwise. Everything else from `functions/` may be
// imported as types only.
const sharedWithServer = [
  path.resolve(__dirname, '../../functions/shared/domain/identifiers.ts'),
  path.resolve(__dirname, '../../functions/credit/import/parse-records.ts'),
  path.resolve(__dirname, '../../functions/disclosures/disclosure-csv.ts'),
];

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'chengxin-guancheng',
    date: '2025-11-27',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    // The mini program's sitemap (which pages WeChat search may index); app.config.ts points to it.
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    // Taro merges these into webpack's filesystem cache; its type only lists some of the keys.
    cache: {
      // TARO_BUILD_CACHE=off builds from scratch (the test builds do, like a clean clone).
      enable: process.env.TARO_BUILD_CACHE !== 'off',
      cacheDirectory: path.resolve(__dirname, '..', '.taro-cache'),
      // A different API base must never be served from a cache built for another one.
      version: apiBase || 'same-origin',
    } as { enable: boolean },
    mini: {
      compile: { include: sharedWithServer },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: sharedWithServer },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of
        // the components, the page shell and the API client: put what pages share in one chunk.
        chain.merge({
          optimization: {
            splitChunks: {
              cacheGroups: {
                pages: { name: 'pages-common', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
              },
            },
          },
        });
        chain.performance.hints(false);
      },
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        proxy: [{ context: ['/api'], target: 'http://127.0.0.1:3000', changeOrigin: false }],
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
