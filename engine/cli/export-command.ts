import { writeFile } from 'node:fs/promises';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import { LookupTableRepository } from '../mapping/lookups/lookup-table-repository.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { createBundle, credentialVariable, lookupTablesOf, readBundle } from '../runtime/bundle.ts';
import { openDatabase } from '../store/database.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { describeProblems, loadValidFlow } from './load-valid-flow.ts';

/** Options of `bridgeflow export`. */
export interface ExportCommandOptions {
  out?: string;
  /** SQLite database holding the lookup tables the flow uses. */
  lookups?: string;
}

/** `bridgeflow export <flow.json>`: writes a sealed bundle (flow, lookup tables, manifest; no secrets). */
export async function exportCommand(
  flowPath: string,
  options: ExportCommandOptions,
  registry: NodeRegistry,
  io: CliIo,
): Promise<number> {
  try {
    const checked = await loadValidFlow(flowPath, registry);
    if (!checked.document) {
      io.err(describeProblems(checked.problems));
      io.err(`${flowPath} is not a valid flow; nothing was exported\n`);
      return EXIT.invalid;
    }
    const flow = checked.document;
    const needed = lookupTablesOf(flow);
    if (needed.length > 0 && !options.lookups) {
      io.err(
        `error  The flow uses lookup tables ${needed.join(', ')}; give the database that holds them with --lookups <file>\n`,
      );
      return EXIT.invalid;
    }
    const database = options.lookups ? openDatabase(options.lookups) : undefined;
    try {
      const repository = database ? new LookupTableRepository(database) : undefined;
      const text = createBundle(flow, registry, (name) => repository?.getTable(name));
      const { manifest } = readBundle(text);
      const out = options.out ?? flowPath.replace(/(\.flow)?\.json$/, '.bundle.json');
      await writeFile(out, text);
      io.out(`Exported ${out}\n  flow ${manifest.flowId} (${manifest.contentHash})\n`);
      if (manifest.lookupTables.length > 0) io.out(`  lookup tables: ${manifest.lookupTables.join(', ')}\n`);
      for (const credential of manifest.requiredCredentials) {
        io.out(
          `  needs credential ${credential.id} (${credential.type}) from ${credentialVariable(credential.id)}\n`,
        );
      }
      return EXIT.ok;
    } finally {
      database?.close();
    }
  } catch (thrown) {
    io.err(`error  ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  }
}
