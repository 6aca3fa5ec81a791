import { writeFile } from 'node:fs/promises';
import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import { mebibytes, readTextFile } from '../files/text-file.ts';
import { parseJson } from '../flow/json-text.ts';
import { toJsonValue } from '../nodes/json-path.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { runFlow } from '../run/executor.ts';
import { createAxiosTransport } from '../run/http/axios-transport.ts';
import { createJsonLogger, createSystemServices } from '../run/system-services.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { describeProblems, loadValidFlow } from './load-valid-flow.ts';
import { formatRunReport } from './run-report.ts';
import { sampleRunCommand } from './sample-run-command.ts';

/** Options of `bridgeflow run`. */
export interface RunCommandOptions {
  input: string;
  dryRun?: boolean;
  trace?: string;
  trigger?: string;
  /** Largest input file accepted, in MB. */
  maxInputMb?: number;
  /** Print only the final output items as JSON (for pipes). */
  json?: boolean;
}

const DEFAULT_MAX_INPUT_MB = 50;

/**
 * `bridgeflow run` as the command line gives it: a test run (the designer's, through the test-run
 * service) when `--sample-set` or `--env` is given, else one run on `--input`.
 */
export function runCommandFromCli(
  flowPath: string,
  options: Record<string, unknown>,
  registry: NodeRegistry,
  io: CliIo,
): Promise<number> {
  const text = (name: string): string | undefined =>
    typeof options[name] === 'string' ? String(options[name]) : undefined;
  const input = text('input');
  const shared = {
    ...(input ? { input } : {}),
    ...(text('trace') ? { trace: text('trace') } : {}),
    ...(text('trigger') ? { trigger: text('trigger') } : {}),
    dryRun: options.dryRun === true,
    json: options.json === true,
  };
  const sampleSet = text('sampleSet');
  const env = text('env');
  if (sampleSet || env) {
    const workspace = text('workspace');
    const lookups = text('lookups');
    return sampleRunCommand(
      flowPath,
      {
        ...shared,
        ...(sampleSet ? { sampleSet } : {}),
        ...(env ? { env } : {}),
        ...(workspace ? { workspace } : {}),
        ...(lookups ? { lookups } : {}),
      },
      registry,
      io,
    );
  }
  if (!input) {
    io.err('error  Give a payload with --input <file>, or samples with --sample-set <folder>\n');
    return Promise.resolve(EXIT.invalid);
  }
  const maxInputMb = typeof options.maxInputMb === 'number' ? options.maxInputMb : undefined;
  return runCommand(flowPath, { ...shared, input, ...(maxInputMb ? { maxInputMb } : {}) }, registry, io);
}

/** `bridgeflow run <flow.json> --input <sample.json>`: exit 0 ok, 1 run failed, 2 invalid flow or input. */
export async function runCommand(
  flowPath: string,
  options: RunCommandOptions,
  registry: NodeRegistry,
  io: CliIo,
): Promise<number> {
  let prepared: {
    flow: NonNullable<Awaited<ReturnType<typeof loadValidFlow>>['document']>;
    input: JsonValue;
  };
  try {
    const checked = await loadValidFlow(flowPath, registry);
    if (!checked.document) {
      io.err(describeProblems(checked.problems));
      io.err(`${flowPath} is not a valid flow; nothing was run\n`);
      return EXIT.invalid;
    }
    prepared = { flow: checked.document, input: await readInput(options.input, options.maxInputMb) };
  } catch (thrown) {
    io.err(`error  ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  }

  const transport = createAxiosTransport();
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const trace = await runFlow({
      flow: prepared.flow,
      registry,
      services: createSystemServices(transport, createJsonLogger('warn')),
      input: [prepared.input],
      dryRun: options.dryRun ?? false,
      signal: controller.signal,
      ...(options.trigger ? { triggerNodeId: options.trigger } : {}),
    });
    if (options.trace) await writeFile(options.trace, `${JSON.stringify(trace, null, 2)}\n`);
    if (options.json) {
      io.out(
        `${JSON.stringify(
          trace.outputs.flatMap((output) => output.items),
          null,
          2,
        )}\n`,
      );
      if (trace.status !== 'succeeded') io.err(`Run ${trace.status}: ${trace.error?.message ?? ''}\n`);
    } else {
      io.out(formatRunReport(trace));
      if (options.trace) io.out(`Trace written to ${options.trace}\n`);
    }
    return trace.status === 'succeeded' ? EXIT.ok : EXIT.runFailed;
  } catch (thrown) {
    // Only a flow the executor refuses up front lands here (several triggers, unknown trigger id).
    io.err(`error  ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  } finally {
    process.off('SIGINT', onInterrupt);
    transport.close();
  }
}

async function readInput(path: string, maxInputMb = DEFAULT_MAX_INPUT_MB): Promise<JsonValue> {
  const text = await readTextFile(path, { maxBytes: mebibytes(maxInputMb), label: 'Input file' });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.failure;
    throw new BridgeflowError(
      'INPUT_INVALID',
      `Input file "${path}" is not valid JSON: line ${line}, column ${column}: ${message}`,
      {
        path,
      },
    );
  }
  return toJsonValue(parsed.value);
}
