import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSWASMModule,
  RELEASE_SYNC,
} from 'quickjs-emscripten';

/** Bytes in one WebAssembly memory page. */
const PAGE_BYTES = 65_536;
/** The release-sync build declares 16 MB of initial memory and refuses a smaller memory. */
const INITIAL_PAGES = 256;
/** A wasm32 Emscripten build addresses at most 2 GB. */
const MAXIMUM_PAGES = 32_768;

/**
 * The parts of the WebAssembly API used here. engine/ compiles without the DOM lib, which is where
 * TypeScript declares `WebAssembly`, so the global is looked up and checked at run time.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  compile(bytes: Uint8Array): Promise<object>;
}

function isWasmApi(value: unknown): value is WasmApi {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'Memory') === 'function' &&
    typeof Reflect.get(value, 'compile') === 'function'
  );
}

/** Creates a fresh QuickJS WebAssembly instance whose heap cannot grow past the memory limit. */
export type QuickJSFactory = (memoryLimitBytes: number) => Promise<QuickJSWASMModule>;

/**
 * Compiles the QuickJS wasm once and returns a factory of instances, one per run.
 *
 * Why an instance per run (about 2 ms): `runtime.setMemoryLimit` alone does not bound memory.
 * In quickjs-emscripten 0.32 it bounds the object heap but not the running total of large strings
 * and typed arrays (justjake/quickjs-emscripten#271, #255): `'x'.repeat(1e6)` in a loop reaches
 * 2 GB under a 16 MB limit. A WebAssembly.Memory with a `maximum` is a hard cap: once the heap
 * cannot grow, malloc fails and QuickJS throws "out of memory". Memory never shrinks, so each run
 * gets its own; that also means no state at all survives from one run to the next.
 */
export async function createQuickJSFactory(): Promise<QuickJSFactory> {
  const wasm: unknown = Reflect.get(globalThis, 'WebAssembly');
  if (!isWasmApi(wasm)) throw new Error('WebAssembly is not available in this process');
  const compiled = await compileQuickJS(wasm);
  return (memoryLimitBytes) => {
    // The initial 16 MB hold QuickJS itself and its stack; the limit comes on top of that.
    const maximum = Math.min(MAXIMUM_PAGES, INITIAL_PAGES + Math.ceil(memoryLimitBytes / PAGE_BYTES));
    const memory = new wasm.Memory({ initial: INITIAL_PAGES, maximum });
    const options = compiled ? { wasmMemory: memory, wasmModule: compiled } : { wasmMemory: memory };
    return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, options));
  };
}

/**
 * Compiles the wasm file of the release-sync variant. It belongs to quickjs-emscripten's own
 * dependency, so it is resolved from there. When that fails the variant loads and compiles the
 * file itself on every run, which only costs a few milliseconds more.
 */
async function compileQuickJS(wasm: WasmApi): Promise<object | undefined> {
  try {
    const requireFromQuickJS = createRequire(import.meta.resolve('quickjs-emscripten'));
    const path = requireFromQuickJS.resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
    return await wasm.compile(await readFile(path));
  } catch {
    return undefined;
  }
}
