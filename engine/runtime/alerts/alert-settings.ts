import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

/** Secrets come from variables, so the settings file can be kept in version control. */
export const ALERT_VARIABLES = {
  smtpPassword: 'BRIDGEFLOW_ALERT_SMTP_PASSWORD',
  webhookUrl: 'BRIDGEFLOW_ALERT_WEBHOOK_URL',
} as const;

const EmailSchema = z.strictObject({
  host: z.string().min(1),
  /** 587 (submission, STARTTLS) unless told otherwise. */
  port: z.number().int().min(1).max(65_535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().optional(),
  /** Refuse to send when the server does not offer STARTTLS. */
  requireTls: z.boolean().default(false),
  username: z.string().min(1).optional(),
  from: z.string().min(1),
  to: z.array(z.string().min(1)).min(1),
});

/** The settings file of `bridgeflow serve --alerts <file>`; every field but a channel is optional. */
export const AlertSettingsFileSchema = z.strictObject({
  email: EmailSchema.optional(),
  /** A Slack-compatible incoming webhook; better given as BRIDGEFLOW_ALERT_WEBHOOK_URL (its path is a secret). */
  webhook: z.strictObject({ url: z.url() }).optional(),
  /** Alert when a flow's dead-letter count grows. */
  deadLetters: z.boolean().default(true),
  /** Alert when a flow's open exceptions grow (e.g. orders parked for an unknown SKU). */
  exceptions: z.boolean().default(true),
  /** Alert when at least `threshold` of a flow's runs over the last `windowMinutes` failed. */
  failureRate: z
    .strictObject({
      enabled: z.boolean().default(true),
      threshold: z.number().gt(0).max(1).default(0.2),
      minRuns: z.number().int().min(1).default(10),
      windowMinutes: z.number().gt(0).default(5),
    })
    .prefault({}),
  /** At most one message per alert kind and flow in this many minutes; the rest are counted. */
  rateLimitMinutes: z.number().min(0).default(15),
  /** How often the runtime looks at its dead letters and runs. */
  checkIntervalSeconds: z.number().gt(0).default(15),
  /** Names this runtime in messages; default the host name. */
  runtimeName: z.string().min(1).optional(),
});

/** Where alerts go, and when they are raised; see {@link loadAlertSettings}. */
export interface AlertSettings {
  email?: z.infer<typeof EmailSchema> & { password?: string };
  webhook?: { url: string };
  deadLetters: boolean;
  exceptions: boolean;
  failureRate: { enabled: boolean; threshold: number; minRuns: number; windowMs: number };
  rateLimitMs: number;
  checkIntervalMs: number;
  runtimeName?: string;
}

/**
 * The alert settings of `bridgeflow serve`: the JSON settings file when given, with the SMTP
 * password and the webhook URL from the environment (the variable wins over the file's URL).
 * Answers undefined when no channel is configured: no file and no webhook variable.
 */
export async function loadAlertSettings(
  file: string | undefined,
  environment: NodeJS.ProcessEnv,
): Promise<AlertSettings | undefined> {
  const webhookUrl = environment[ALERT_VARIABLES.webhookUrl]?.trim() || undefined;
  if (file === undefined && webhookUrl === undefined) return undefined;
  const parsed = AlertSettingsFileSchema.safeParse(file === undefined ? {} : await readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unknown shape';
    throw invalid(`The alert settings in ${file ?? 'the environment'} are invalid (${where})`);
  }
  const { email, webhook, failureRate, ...rest } = parsed.data;
  const password = environment[ALERT_VARIABLES.smtpPassword];
  const url = webhookUrl ?? webhook?.url;
  if (email === undefined && url === undefined) {
    throw invalid(
      `The alert settings in ${file} name no channel; add "email" or "webhook", or set ${ALERT_VARIABLES.webhookUrl}`,
    );
  }
  if (url !== undefined) checkWebhookUrl(url);
  return {
    ...(email ? { email: password ? { ...email, password } : email } : {}),
    ...(url ? { webhook: { url } } : {}),
    deadLetters: rest.deadLetters,
    exceptions: rest.exceptions,
    failureRate: {
      enabled: failureRate.enabled,
      threshold: failureRate.threshold,
      minRuns: failureRate.minRuns,
      windowMs: failureRate.windowMinutes * 60_000,
    },
    rateLimitMs: rest.rateLimitMinutes * 60_000,
    checkIntervalMs: rest.checkIntervalSeconds * 1000,
    ...(rest.runtimeName ? { runtimeName: rest.runtimeName } : {}),
  };
}

function checkWebhookUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Not the URL itself in the message: its path is the webhook's secret.
    throw invalid(`The alert webhook URL (${ALERT_VARIABLES.webhookUrl}) is not a URL`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw invalid(`The alert webhook URL must be http or https, not ${protocol}`);
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    throw new BridgeflowError(
      'FILE_READ_FAILED',
      `Could not read the alert settings ${file}: ${String(thrown)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(`The alert settings ${file} are not valid JSON`);
  }
}

function invalid(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}
