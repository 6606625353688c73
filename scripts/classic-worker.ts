import { build, type Plugin, type Rolldown } from 'vite';

/**
 * Builds the background worker as classic scripts (IIFEs) instead of crxjs's module loader, and
 * declares them in the built manifest. Why: a page's first candidate lookup usually wakes a
 * stopped worker, and the worker cannot answer before its script is compiled and evaluated.
 * Chromium starts a classic service worker script measurably faster than the same code as a module
 * graph (about 15 ms less per cold lookup here), and parses all of it before it dispatches the
 * event that woke the worker, so the worker is two scripts (architecture.md, "Two worker
 * scripts"):
 * - the first script answers candidate lookups; it must not contain Dexie, the build fails if it
 *   does;
 * - the knowledge base's script is loaded on first need; it reads the first script's match index
 *   (`shared` modules are taken from the first script's exports, not bundled twice).
 * The source manifest keeps naming the entry file, `background.service_worker`; this plugin takes
 * it out of what crxjs sees and puts the built files' names back in.
 */
export function classicWorker(options: {
  entry: string;
  fileName: string;
  kbEntry: string;
  kbFileName: string;
  /** Modules of the first script that the knowledge base's script uses: suffix → export name. */
  shared: Record<string, string>;
  /** Firefox has no background service worker: the same scripts run as an event page. */
  eventPage: boolean;
}): Plugin {
  const CORE_GLOBAL = 'backstoryCore';
  return {
    name: 'backstory-classic-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_outputOptions, bundle) {
        const core = await bundleScript(options.entry, CORE_GLOBAL);
        if (/\bDexie\b/.test(core)) {
          this.error(`${options.fileName} contains Dexie: it belongs in ${options.kbFileName}`);
        }
        this.emitFile({ type: 'asset', fileName: options.fileName, source: core });
        const kb = await bundleScript(options.kbEntry, 'backstoryKb', options.shared);
        this.emitFile({ type: 'asset', fileName: options.kbFileName, source: kb });
        const manifestAsset = bundle['manifest.json'];
        if (manifestAsset?.type !== 'asset') this.error('crxjs emitted no manifest.json');
        const manifest = JSON.parse(String(manifestAsset.source)) as Record<string, unknown>;
        manifest.background = options.eventPage
          ? { scripts: [options.fileName, options.kbFileName] }
          : { service_worker: options.fileName };
        manifestAsset.source = JSON.stringify(manifest, null, 2) + '\n';
      },
    },
  };

  async function bundleScript(
    entry: string,
    globalName: string,
    shared: Record<string, string> = {},
  ): Promise<string> {
    const sharedExport = (id: string) =>
      Object.entries(shared).find(([suffix]) => id.replace(/\.ts$/, '').endsWith(suffix))?.[1];
    const result = await build({
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        lib: { entry, formats: ['iife'], name: globalName, fileName: () => 'script.js' },
        rollupOptions: {
          external: (id) => sharedExport(id) !== undefined,
          output: { globals: (id) => `${CORE_GLOBAL}.${sharedExport(id)}` },
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs[0]?.output[0];
    if (!chunk || chunk.type !== 'chunk')
      throw new Error(`the build of ${entry} produced no script`);
    return chunk.code;
  }
}
