import { createTransport } from 'nodemailer';
import type { Logger } from '../../run/services.ts';
import type { AlertMessage } from './alert-message.ts';
import type { AlertSettings } from './alert-settings.ts';

/** One way out for alerts; `send` throws when the message was not accepted. */
export interface AlertChannel {
  /** `email` or `webhook`, for the logs. */
  name: string;
  send(message: AlertMessage): Promise<void>;
  close(): void;
}

/** Limits on a send, so a hung mail server or webhook holds the alert loop for seconds, not forever. */
const SEND_TIMEOUT_MS = 10_000;

/** The channels the settings configure. */
export function createAlertChannels(settings: AlertSettings): AlertChannel[] {
  const channels: AlertChannel[] = [];
  if (settings.email) channels.push(emailChannel(settings.email));
  if (settings.webhook) channels.push(webhookChannel(settings.webhook.url));
  return channels;
}

/**
 * Sends the message on every channel. Never throws: a channel that fails is logged (without its
 * secrets) and the others still get the message.
 */
export async function sendOnChannels(
  channels: readonly AlertChannel[],
  message: AlertMessage,
  log: { logger: Logger; fields: Record<string, string | number>; secrets: readonly string[] },
): Promise<void> {
  await Promise.all(
    channels.map(async (channel) => {
      try {
        await channel.send(message);
        log.logger.info('alert sent', { ...log.fields, channel: channel.name });
      } catch (thrown) {
        const reason = thrown instanceof Error ? thrown.message : String(thrown);
        log.logger.warn('alert not sent', {
          ...log.fields,
          channel: channel.name,
          message: redact(reason, log.secrets),
        });
      }
    }),
  );
}

/** The strings that must never reach a log: the SMTP password, the webhook URL and its path. */
export function alertSecrets(settings: AlertSettings): string[] {
  const secrets: string[] = [];
  if (settings.email?.password) secrets.push(settings.email.password);
  if (settings.webhook) {
    const url = new URL(settings.webhook.url);
    secrets.push(settings.webhook.url, `${url.pathname}${url.search}`);
    if (url.password) secrets.push(url.password);
  }
  // Longest first, so a secret containing another is replaced whole.
  return secrets.filter((secret) => secret.length > 1 && secret !== '/').sort((a, b) => b.length - a.length);
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

function emailChannel(email: NonNullable<AlertSettings['email']>): AlertChannel {
  const transport = createTransport({
    host: email.host,
    port: email.port,
    secure: email.secure ?? email.port === 465,
    requireTLS: email.requireTls,
    ...(email.username ? { auth: { user: email.username, pass: email.password ?? '' } } : {}),
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  return {
    name: 'email',
    async send(message) {
      await transport.sendMail({
        from: email.from,
        to: email.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}

/** A Slack-compatible incoming webhook: `POST {"text": "..."}` as JSON. */
function webhookChannel(url: string): AlertChannel {
  return {
    name: 'webhook',
    async send(message) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: `*${message.subject}*\n${message.text}` }),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (thrown) {
        // fetch says "fetch failed"; the cause says why (refused, DNS, timeout).
        const cause =
          thrown instanceof Error && thrown.cause instanceof Error ? `: ${thrown.cause.message}` : '';
        throw new Error(`The webhook at ${new URL(url).host} could not be reached${cause}`);
      }
      const body = (await response.text()).slice(0, 200);
      if (!response.ok)
        throw new Error(`The webhook at ${new URL(url).host} answered ${response.status}: ${body}`);
    },
    close() {},
  };
}
