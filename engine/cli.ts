// The `bridgeflow` command. Usage errors and invalid flows exit 2, failed runs 1, success 0.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { processIo } from './cli/cli-io.ts';
import { addCredentialsCommand } from './cli/credentials-command.ts';
import { designerCommand } from './cli/designer-command.ts';
import { exportCommand } from './cli/export-command.ts';
import { runCommandFromCli } from './cli/run-command.ts';
import { sandboxCommand } from './cli/sandbox-command.ts';
import { serveCommand } from './cli/serve-command.ts';
import { testConnectionCommand } from './cli/test-connection-command.ts';
import { validateCommand } from './cli/validate-command.ts';
import { createCoreRegistry } from './nodes/core-node-types.ts';
import { defaultCredentialsPath } from './runtime/credentials/runtime-secrets.ts';

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
}

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number');
  return parsed;
}

const SERVE_HELP = `
Credentials: <data>/credentials.enc.json (see bridgeflow credentials --help), opened with
BRIDGEFLOW_CREDENTIALS_KEY; BRIDGEFLOW_CREDENTIAL_<ID> (JSON) and BRIDGEFLOW_CREDENTIAL_<ID>_<FIELD>
variables add credentials and win per field over the file. The bundle manifest lists the ids.

Alerts (e-mail over SMTP and/or a Slack-compatible webhook) when a flow's dead letters grow or its
failure rate reaches a threshold (default 20 % of at least 10 runs in 5 minutes), at most one per
kind and flow every 15 minutes. --alerts <file> holds e.g.
  {"email": {"host": "smtp.example.com", "port": 587, "username": "bridgeflow",
             "from": "bridgeflow@example.com", "to": ["ops@example.com"]},
   "failureRate": {"threshold": 0.2, "minRuns": 10, "windowMinutes": 5}, "rateLimitMinutes": 15}
Secrets stay in variables: BRIDGEFLOW_ALERT_SMTP_PASSWORD, BRIDGEFLOW_ALERT_WEBHOOK_URL (the
webhook alone, without a file, turns alerts on with the defaults).`;

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
    .description(
      'Run a flow on a sample payload, or a test run on a sample set, and print a per-node summary',
    )
    .argument('<flow>', 'flow file (.json)')
    .option('-i, --input <file>', 'JSON payload handed to the trigger')
    .option('--sample-set <dir>', 'test run on every .json sample of this folder (see --env)')
    .option('--env <name>', 'test-run environment: dry-run (default), sandbox, or environments/<name>.json')
    .option('--workspace <dir>', 'workspace folder holding environments/ (default: the current folder)')
    .option(
      '--lookups <file>',
      'SQLite database with the lookup tables (test runs; default: the sandbox tables)',
    )
    .option('--dry-run', 'record writes to remote systems instead of sending them')
    .option('--trace <file>', 'write the full run trace(s) (items, lineage, errors, HTTP calls) as JSON')
    .option('--trigger <nodeId>', 'trigger node to start from, when the flow has several')
    .option('--max-input-mb <mb>', 'largest input file accepted', positiveNumber, 50)
    .option('--json', 'print JSON: the output items, or with --sample-set/--env the traces')
    .addHelpText('after', '\nExit codes: 0 run succeeded, 1 run failed, 2 invalid flow, input or usage.')
    .action(async (flow: string, options: Record<string, unknown>) => {
      setExitCode(await runCommandFromCli(flow, options, registry, processIo));
    });
  program
    .command('export')
    .description(
      'Write a sealed bundle for bridgeflow serve: the flow, its lookup tables and a manifest (no secrets)',
    )
    .argument('<flow>', 'flow file (.json)')
    .option('-o, --out <file>', 'bundle file (default: <flow>.bundle.json)')
    .option('--lookups <file>', 'SQLite database holding the lookup tables the flow uses')
    .action(async (flow: string, options: Record<string, unknown>) => {
      setExitCode(
        await exportCommand(
          flow,
          {
            ...(typeof options.out === 'string' ? { out: options.out } : {}),
            ...(typeof options.lookups === 'string' ? { lookups: options.lookups } : {}),
          },
          registry,
          processIo,
        ),
      );
    });

  program
    .command('test-connection')
    .description('Check a credential against its system with one cheap read (exit 0 ok, 1 refused, 2 usage)')
    .argument('<type>', 'credential type: threedcart, sage300 or m3')
    .argument(
      '<credential>',
      'credential id: from <data>/credentials.enc.json, and BRIDGEFLOW_CREDENTIAL_<ID> (JSON) or _<FIELD> variables',
    )
    .option('--data <dir>', 'folder of the encrypted credentials file, as for serve', './.bridgeflow')
    .action(async (type: string, credential: string, options: { data: string }) =>
      setExitCode(
        await testConnectionCommand(type, credential, processIo, defaultCredentialsPath(options.data)),
      ),
    );

  program
    .command('designer')
    .description('Serve the flow designer to a browser on 127.0.0.1 and print its URL (until Ctrl+C)')
    .option('--workspace <dir>', 'folder the designer opens and saves flows in', '.')
    .option('--port <port>', 'port to listen on (0 = any free port)', wholeNumber, 4300)
    .action(async (options: { workspace: string; port: number }) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        setExitCode(await designerCommand(options, processIo, controller.signal));
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
  program
    .command('sandbox')
    .description(
      'Start the local 3dcart, Sage 300 and Infor M3 simulators and print their URLs and credentials',
    )
    .option('--seed <n>', 'seed of the generated store and ERP data', wholeNumber, 1)
    .option(
      '--port-base <port>',
      '3dcart on this port, Sage 300 on the next, M3 on the one after (0 = any free ports)',
      wholeNumber,
      4310,
    )
    .option(
      '--orders <n>',
      'create this many storefront orders in the 3dcart simulator (fires its webhooks)',
      wholeNumber,
    )
    .option('--rate <perSecond>', 'orders per second for --orders', positiveNumber, 5)
    .option('--webhook-url <url>', 'register a 3dcart "Order New" webhook to this URL before creating orders')
    .option('--ionapi <file>', 'write an M3 .ionapi file for the ION API sign-in')
    .option('--exit-after-load', 'stop after --orders instead of serving until Ctrl+C')
    .option(
      '--faults <json>',
      'inject faults in all three, e.g. \'{"errorRate":0.1,"latencyMs":200}\' (errorRate, errorStatus, rateLimitBurst, retryAfterSeconds, latencyMs, timeoutRate, malformedRate)',
    )
    .addHelpText(
      'after',
      '\nAdmin endpoints on every simulator: GET /_admin/state, POST /_admin/reset, GET|PUT /_admin/faults.',
    )
    .action(async (options: Record<string, unknown>) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        setExitCode(
          await sandboxCommand(
            {
              seed: typeof options.seed === 'number' ? options.seed : 1,
              portBase: typeof options.portBase === 'number' ? options.portBase : 4310,
              rate: typeof options.rate === 'number' ? options.rate : 5,
              ...(typeof options.orders === 'number' ? { orders: options.orders } : {}),
              ...(typeof options.webhookUrl === 'string' ? { webhookUrl: options.webhookUrl } : {}),
              ...(typeof options.ionapi === 'string' ? { ionapi: options.ionapi } : {}),
              ...(typeof options.faults === 'string' ? { faults: options.faults } : {}),
              exitAfterLoad: options.exitAfterLoad === true,
            },
            processIo,
            controller.signal,
          ),
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
  program
    .command('serve')
    .description('Run bundles unattended: webhook endpoints, a durable inbox and workers, until Ctrl+C')
    .argument('<bundles...>', 'bundle files, or folders of *.bundle.json files')
    .option('--data <dir>', 'folder of the runtime database', './.bridgeflow')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port of the webhook server (0 = any free port)', wholeNumber, 4400)
    .option('--workers <n>', 'jobs run at once (0 = take webhooks in only)', wholeNumber, 2)
    .option(
      '--lease-seconds <n>',
      'a running job keeps its lease by renewing it; after a crash its jobs run again this long after',
      positiveNumber,
      60,
    )
    .option('--admin-token <token>', 'read-only admin API token (or BRIDGEFLOW_ADMIN_TOKEN)')
    .option('--operator-token <token>', 'operator admin API token (or BRIDGEFLOW_OPERATOR_TOKEN)')
    .option(
      '--alerts <file>',
      'alert settings (JSON): e-mail, webhook, thresholds (or BRIDGEFLOW_ALERTS_FILE)',
    )
    .addHelpText('after', SERVE_HELP)
    .action(async (bundles: string[], options: Record<string, unknown>) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        setExitCode(
          await serveCommand(
            bundles,
            {
              data: typeof options.data === 'string' ? options.data : './.bridgeflow',
              host: typeof options.host === 'string' ? options.host : '127.0.0.1',
              port: typeof options.port === 'number' ? options.port : 4400,
              workers: typeof options.workers === 'number' ? options.workers : 2,
              leaseMs: (typeof options.leaseSeconds === 'number' ? options.leaseSeconds : 60) * 1000,
              ...(typeof options.adminToken === 'string' ? { adminToken: options.adminToken } : {}),
              ...(typeof options.operatorToken === 'string' ? { operatorToken: options.operatorToken } : {}),
              ...(typeof options.alerts === 'string' ? { alerts: options.alerts } : {}),
            },
            registry,
            processIo,
            controller.signal,
          ),
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
  addCredentialsCommand(program, setExitCode);
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
