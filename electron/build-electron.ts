import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

/**
 * `npm run build:electron`: bundles the main process and the preload into dist/electron/.
 * Electron's own Node cannot be relied on to strip TypeScript, and a sandboxed preload cannot
 * load modules at all (only `electron` and a few polyfills), so both are built with Vite's
 * bundler (rolldown), which the renderer build already uses.
 *
 * - main.js: ES module (package.json says `"type": "module"`); the engine's code is bundled, the
 *   npm dependencies stay external and load from node_modules (native better-sqlite3, QuickJS's
 *   wasm, ...). dist/electron/ is as deep as engine/host/, so the engine's `import.meta.url`
 *   paths (templates, dist/renderer) still point at the right folders.
 * - code-sandbox.worker.js: the Code node's worker thread, referenced by the engine as
 *   `new URL('./code-sandbox.worker.ts', import.meta.url)`; built as an entry of its own and the
 *   reference renamed to `.js`.
 * - preload.cjs: CommonJS with everything but `electron` inlined (zod and the contract).
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the built main process, worker and preload go (the packaged app's entry is main.js here). */
export const ELECTRON_OUT_DIR = fileURLToPath(new URL('../dist/electron', import.meta.url));

/** Worker threads the engine starts by file name; each becomes `<name>.js` beside main.js. */
const WORKERS: Record<string, string> = {
  'code-sandbox.worker': 'engine/nodes/code/code-sandbox.worker.ts',
};

const packageJson: { dependencies?: Record<string, string> } = JSON.parse(
  await readFile(new URL('../package.json', import.meta.url), 'utf8'),
);
const dependencies = Object.keys(packageJson.dependencies ?? {});
const builtins = new Set(builtinModules);

/**
 * Node built-ins, Electron and npm dependencies (with subpaths) load at run time. JSON files are
 * inlined: rolldown drops `with { type: 'json' }` from external imports, without which Node
 * refuses to import JSON.
 */
function isExternal(id: string): boolean {
  if (id.endsWith('.json')) return false;
  if (id === 'electron' || id.startsWith('node:') || builtins.has(id)) return true;
  return dependencies.some((name) => id === name || id.startsWith(`${name}/`));
}

/** Renames `new URL('./x.worker.ts', import.meta.url)` to the built `.js`; fails on an unknown worker. */
function workerUrls(): Plugin {
  const pattern = /new URL\((['"])\.\/([\w.-]+\.worker)\.ts\1, import\.meta\.url\)/g;
  return {
    name: 'bridgeflow-worker-urls',
    transform(code, id) {
      if (!id.startsWith(`${ROOT}engine/`) || !pattern.test(code)) return null;
      pattern.lastIndex = 0;
      return code.replace(pattern, (_match, quote: string, name: string) => {
        if (!Object.hasOwn(WORKERS, name)) {
          this.error(`${id} starts worker ${name}.ts, which is not in WORKERS of electron/build-electron.ts`);
        }
        return `new URL(${quote}./${name}.js${quote}, import.meta.url)`;
      });
    },
  };
}

/** Builds main.js, the workers and preload.cjs into `outDir` (emptied first). */
export async function buildElectron(outDir = ELECTRON_OUT_DIR): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [workerUrls()],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: { main: 'electron/main.ts', ...WORKERS },
        external: isExternal,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });

  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
      rolldownOptions: { external: ['electron'] },
    },
  });
}

if (import.meta.main) await buildElectron();
