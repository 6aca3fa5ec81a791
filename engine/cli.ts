// The `bridgeflow` command. Usage errors and invalid flows exit 2, failed runs 1, success 0.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { processIo } from './cli/cli-io.ts';
import { runCommand } from './cli/run-command.ts';
import { validateCommand } from './cli/validate-command.ts';
import { createCoreRegistry } from './nodes/core-node-types.ts';

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const registry = createCoreRegistry();
  const program = new Command('bridgeflow')
    .description('Validate and run Bridgeflow integration flows')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('validate')
    .description('Check a flow file and list every problem with its JSON path and node (exit 2 when invalid)')
    .argument('<flow>', 'flow file (.json)')
    .action(async (flow: string) => setExitCode(await validateCommand(flow, registry, processIo)));

  program
    .command('run')
    .description('Run a flow once on a sample payload and print a per-node summary and the output')
    .argument('<flow>', 'flow file (.json)')
    .requiredOption('-i, --input <file>', 'JSON payload handed to the trigger')
    .option('--dry-run', 'record writes to remote systems instead of sending them')
    .option('--trace <file>', 'write the full run trace (items, lineage, errors, HTTP calls) as JSON')
    .option('--trigger <nodeId>', 'trigger node to start from, when the flow has several')
    .option('--max-input-mb <mb>', 'largest input file accepted', positiveNumber, 50)
    .option('--json', 'print only the output items, as JSON')
    .addHelpText('after', '\nExit codes: 0 run succeeded, 1 run failed, 2 invalid flow, input or usage.')
    .action(async (flow: string, options: Record<string, unknown>) => {
      setExitCode(
        await runCommand(
          flow,
          {
            input: String(options.input),
            dryRun: options.dryRun === true,
            ...(typeof options.trace === 'string' ? { trace: options.trace } : {}),
            ...(typeof options.trigger === 'string' ? { trigger: options.trigger } : {}),
            ...(typeof options.maxInputMb === 'number' ? { maxInputMb: options.maxInputMb } : {}),
            json: options.json === true,
          },
          registry,
          processIo,
        ),
      );
    });
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  if (argv.length <= 2) {
    program.outputHelp();
    process.exitCode = 2;
    return;
  }
  try {
    await program.parseAsync([...argv]);
    process.exitCode = exitCode;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      const helpOrVersion =
        thrown.code === 'commander.helpDisplayed' ||
        thrown.code === 'commander.version' ||
        thrown.code === 'commander.help';
      process.exitCode = helpOrVersion ? 0 : 2;
      return;
    }
    // Commands report their own errors; anything here is a bug, shown without a stack trace.
    process.stderr.write(
      `bridgeflow: internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`,
    );
    process.exitCode = 1;
  }
}

await main(process.argv);
