import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Each environment's tsconfig must reject imports across the line (STYLE.md: "make a wrong import
// fail tsc"). The probes are real files in the real folders, checked with the real configs.
const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const written: string[] = [];

async function probe(path: string, source: string): Promise<string> {
  const absolute = join(root, path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, source);
  written.push(absolute);
  return path;
}

function typecheck(project: string): Promise<string> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [tsc, '-p', project, '--pretty', 'false'],
      { cwd: root, timeout: 60_000 },
      (_error, stdout) => done(stdout),
    );
  });
}

/** Diagnostics tsc printed for one file. */
function errorsIn(output: string, path: string): string[] {
  return output.split('\n').filter((line) => line.startsWith(path));
}

afterAll(async () => {
  await Promise.all(written.map((path) => rm(path, { force: true })));
});

describe('import boundaries', () => {
  it('renderer code may import engine/contract but not engine internals or Node', async () => {
    const allowed = await probe(
      'renderer/boundary-probe-allowed.ts',
      "import { FlowDocumentSchema } from '../engine/contract/flow-document.ts';\nexport const schema = FlowDocumentSchema;\n",
    );
    const internals = await probe(
      'renderer/boundary-probe-internals.ts',
      "import { runFlow } from '../engine/run/executor.ts';\nexport const run = runFlow;\n",
    );
    const node = await probe(
      'renderer/boundary-probe-node.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    );
    const output = await typecheck('tsconfig.renderer.json');
    expect(errorsIn(output, allowed)).toEqual([]);
    expect(errorsIn(output, internals).join('\n')).toMatch(/TS6307/);
    expect(errorsIn(output, node).join('\n')).toMatch(/Cannot find (module|name) 'node:fs'/);
  });

  it('engine code may not import Electron, React, the DOM or the renderer', async () => {
    const electron = await probe(
      'engine/boundary-probe-electron.ts',
      "import { app } from 'electron';\nexport const application = app;\n",
    );
    const react = await probe(
      'engine/boundary-probe-react.ts',
      "import { useState } from 'react';\nexport const hook = useState;\n",
    );
    const dom = await probe('engine/boundary-probe-dom.ts', 'export const title = document.title;\n');
    const renderer = await probe(
      'engine/boundary-probe-renderer.ts',
      "import { value } from '../renderer/boundary-probe-target.ts';\nexport const copy = value;\n",
    );
    await probe('renderer/boundary-probe-target.ts', 'export const value = 1;\n');
    const output = await typecheck('tsconfig.engine.json');
    // The packages are installed (the renderer and Electron use them); tsconfig.engine.json maps
    // them to files in build/forbidden-import that are not modules.
    expect(errorsIn(output, electron).join('\n')).toMatch(
      /TS2306: File '.*forbidden-import\/electron\.d\.ts' is not a module/,
    );
    expect(errorsIn(output, react).join('\n')).toMatch(
      /TS2306: File '.*forbidden-import\/react\.d\.ts' is not a module/,
    );
    expect(errorsIn(output, dom).join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errorsIn(output, renderer).join('\n')).toMatch(/TS6307/);
  });
});
