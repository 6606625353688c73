import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { classicWorker } from './scripts/classic-worker';
import { KB_SCRIPT } from './src/background/kb-loader';

// One source tree, two builds: `vite build` → dist/ (Chromium, service worker) and
// `vite build --mode firefox` → dist-firefox/ (event page via background.scripts, gecko id).
const GECKO_ID = 'backstory@backstory.invalid';
const WORKER_FILE = 'background.js';

/** What crxjs builds: everything but the background, which classicWorker() builds and declares. */
function manifestFor(mode: string): ManifestV3Export {
  const { background: _builtByClassicWorker, ...common } = baseManifest;
  if (mode !== 'firefox') return common as ManifestV3Export;
  const { minimum_chrome_version: _chromeOnly, ...rest } = common;
  return {
    ...rest,
    browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } },
  } as ManifestV3Export;
}

export default defineConfig(({ mode }) => ({
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(mode),
      browser: mode === 'firefox' ? 'firefox' : 'chrome',
      // The default crxjs loader makes content chunks web-accessible to every site, which lets any
      // page detect the extension. A standalone IIFE bundle needs no web-accessible resources.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
    classicWorker({
      entry: baseManifest.background.service_worker,
      fileName: WORKER_FILE,
      kbEntry: 'src/background/kb-main.ts',
      kbFileName: KB_SCRIPT,
      shared: { '/kb/match-index': 'matchIndex' },
      eventPage: mode === 'firefox',
    }),
  ],
  build: {
    outDir: mode === 'firefox' ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
}));
