import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAlertSettings } from './alert-settings.ts';

const HOOK = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bridgeflow-alert-settings-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function settingsFile(content: unknown): Promise<string> {
  const file = join(folder, 'alerts.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('alert settings', () => {
  it('are off without a file and without a webhook variable', async () => {
    expect(await loadAlertSettings(undefined, {})).toBeUndefined();
  });

  it('turn on with the defaults from the webhook variable alone', async () => {
    expect(await loadAlertSettings(undefined, { BRIDGEFLOW_ALERT_WEBHOOK_URL: HOOK })).toEqual({
      webhook: { url: HOOK },
      deadLetters: true,
      exceptions: true,
      failureRate: { enabled: true, threshold: 0.2, minRuns: 10, windowMs: 300_000 },
      rateLimitMs: 900_000,
      checkIntervalMs: 15_000,
    });
  });

  it('read the file, with the SMTP password from the environment and the variable winning over the file URL', async () => {
    const file = await settingsFile({
      email: { host: 'smtp.example.com', username: 'bf', from: 'bf@example.com', to: ['ops@example.com'] },
      webhook: { url: 'https://example.com/old' },
      failureRate: { threshold: 0.5, windowMinutes: 10 },
      rateLimitMinutes: 60,
    });
    const settings = await loadAlertSettings(file, {
      BRIDGEFLOW_ALERT_SMTP_PASSWORD: 'pw',
      BRIDGEFLOW_ALERT_WEBHOOK_URL: HOOK,
    });
    expect(settings).toMatchObject({
      email: { host: 'smtp.example.com', port: 587, requireTls: false, username: 'bf', password: 'pw' },
      webhook: { url: HOOK },
      failureRate: { enabled: true, threshold: 0.5, minRuns: 10, windowMs: 600_000 },
      rateLimitMs: 3_600_000,
    });
  });

  it('refuse a file without a channel, unknown fields and bad values, with where the problem is', async () => {
    await expect(loadAlertSettings(await settingsFile({ deadLetters: true }), {})).rejects.toThrow(
      /name no channel; add "email" or "webhook", or set BRIDGEFLOW_ALERT_WEBHOOK_URL/,
    );
    await expect(
      loadAlertSettings(await settingsFile({ failureRate: { threshold: 20 } }), {
        BRIDGEFLOW_ALERT_WEBHOOK_URL: HOOK,
      }),
    ).rejects.toThrow(/are invalid \(failureRate\.threshold: /);
    await expect(loadAlertSettings(await settingsFile({ emails: {} }), {})).rejects.toThrow(/are invalid/);
    await expect(loadAlertSettings(await settingsFile('{"email":'), {})).rejects.toThrow(
      /are not valid JSON/,
    );
  });

  it('refuse a webhook URL that is not http(s) without repeating it', async () => {
    const refusal = loadAlertSettings(undefined, { BRIDGEFLOW_ALERT_WEBHOOK_URL: 'ftp://host/SECRET' });
    await expect(refusal).rejects.toThrow('The alert webhook URL must be http or https, not ftp:');
    await expect(
      loadAlertSettings(undefined, { BRIDGEFLOW_ALERT_WEBHOOK_URL: 'not a url SECRET' }),
    ).rejects.toThrow(/^The alert webhook URL \(BRIDGEFLOW_ALERT_WEBHOOK_URL\) is not a URL$/);
  });
});
