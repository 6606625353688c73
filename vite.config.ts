import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

// One source tree, two builds: `vite build` → dist/ (Chromium, service worker) and
// `vite build --mode firefox` → dist-firefox/ (event page via background.scripts, gecko id).
const GECKO_ID = 'backstory@backstory.invalid';

function manifestFor(mode: string): ManifestV3Export {
  if (mode !== 'firefox') return baseManifest as ManifestV3Export;
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = baseManifest;
  return {
    ...rest,
    // Firefox MV3 has no background service worker; the same module runs as an event page.
    background: { scripts: [background.service_worker], type: 'module' },
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
  ],
  build: {
    outDir: mode === 'firefox' ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      output: {
        // The worker's quick read connection gets a chunk of its own, imported before the shared
        // chunk, so the database opens before the rest of the worker is evaluated
        // (src/background/db/quick-connection.ts).
        manualChunks(id: string) {
          if (
            /src\/background\/db\/(early-connection|quick-connection|schema-version)\.ts$/.test(id)
          )
            return 'early-connection';
          return undefined;
        },
      },
    },
  },
}));
