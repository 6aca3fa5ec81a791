import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileCredentialStore } from '../../engine/host/credential-store.ts';
import {
  type RunningSage300Simulator,
  startSage300Simulator,
} from '../../engine/simulators/sage300/sage300-simulator.ts';
import { type DesignerSession, openDesigner } from './designer-harness.ts';

// An analyst's first connection to Sage 300: create a credential, test it (wrong password, then
// right), save it, pick it in a node's slot, edit it keeping the stored password, and see a bad
// URL refused under its field. Against the Sage 300 simulator, with a writable encrypted store.
describe('credentials in Chromium', () => {
  let session: DesignerSession;
  let sage: RunningSage300Simulator;
  let workspace: string;
  beforeAll(async () => {
    sage = await startSage300Simulator({});
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-e2e-credentials-'));
    // The store asks for the key whenever it opens the file: always the same 32 bytes.
    const key = randomBytes(32);
    session = await openDesigner({
      workspace,
      hostOptions: {
        credentials: createFileCredentialStore({
          path: join(workspace, '.bridgeflow', 'credentials.enc.json'),
          keyMaterial: () => ({ kind: 'key', bytes: key }),
        }),
      },
    });
    // "Delete the credential?" is answered yes.
    session.page.on('dialog', (dialog) => void dialog.accept());
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await sage?.close();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('creates, tests, saves, picks and edits a Sage 300 credential', { timeout: 120_000 }, async () => {
    const { page } = session;
    const dialog = page.getByRole('dialog', { name: 'Credentials' });
    await page.keyboard.press('Control+Shift+k');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect
      .poll(() => dialog.getByTestId('credentials-location').textContent())
      .toContain('credentials.enc.json');

    await dialog.getByRole('button', { name: '+ New credential' }).click();
    await dialog.getByRole('button', { name: 'Sage 300', exact: true }).click();
    await expect.poll(() => dialog.getByLabel(/^Id/).inputValue()).toBe('sage300-1');
    await dialog.getByLabel(/^Id/).fill('sage-e2e');
    await dialog.getByLabel(/^Base URL/).fill(`${sage.url}/Sage300WebApi`);
    await dialog.getByLabel(/^Company/).fill('SAMINC');
    await dialog.getByLabel(/^User ID/).fill('WEBAPI');
    await dialog.getByLabel(/^Password/).fill('wrong');

    // A wrong password: the red box names the code and Sage's own words.
    const result = dialog.getByTestId('connection-test');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result.getAttribute('class')).toContain('failed');
    expect(await result.textContent()).toContain('CONNECTOR_AUTH');
    expect(await result.textContent()).toContain('The user ID or password is incorrect.');
    await session.screenshot('credentials-test-failed');

    await dialog.getByLabel(/^Password/).fill('WEBAPI');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result.getAttribute('class')).toContain('ok');
    expect(await result.textContent()).toMatch(/^Connected: .+ \(\d+ ms\)$/);

    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const listed = dialog.getByRole('button', { name: /sage-e2e/ });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.textContent()).toContain('Sage 300');
    await session.screenshot('credentials-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The node's slot lists the stored credential; the saved flow names it by id.
    await page.getByTestId('palette-sage300.findCustomer').click();
    const slot = page.getByTestId('inspector').getByLabel('erp (sage300)');
    await expect
      .poll(() => slotOptions(page))
      .toEqual(['(none)', 'sage-e2e', 'New credential…', 'Other id…']);
    await slot.selectOption('sage-e2e');
    await session.screenshot('credentials-slot');
    await saveFlowAs(page, 'customer.flow.json');
    const saved = JSON.parse(await readFile(join(workspace, 'customer.flow.json'), 'utf8'));
    const node = saved.nodes.find((each: { type: string }) => each.type === 'sage300.findCustomer');
    expect(node.credentials).toEqual({ erp: 'sage-e2e' });

    // Edit from the slot: the password stays blank (kept), Save and Test still sign on.
    await page.getByTestId('inspector').getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => dialog.getByLabel(/^Id/).inputValue()).toBe('sage-e2e');
    expect(await dialog.getByLabel(/^Password/).getAttribute('placeholder')).toBe(
      '•••••• stored — leave blank to keep',
    );
    await dialog.getByLabel(/^Company/).fill('SAMINC');
    await page.keyboard.press('Control+s');
    await expect.poll(() => dialog.locator('.credentials-message.ok').textContent()).toBe('Saved sage-e2e');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result.getAttribute('class')).toContain('ok');

    // A bad URL is refused under its field, and the stored credential is unchanged.
    await dialog.getByLabel(/^Base URL/).fill('not a url');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const baseUrl = dialog.locator('[data-credential-field="baseUrl"] .field-problem');
    await expect.poll(() => baseUrl.textContent()).toContain('Base URL');
    await session.screenshot('credentials-field-error');
    // Ctrl+Shift+D switches the theme from anywhere, the dialog included.
    await page.keyboard.press('Control+Shift+d');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await session.screenshot('credentials-dialog-dark');
    await page.keyboard.press('Control+Shift+d');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
    const stored = await session.host.api.listCredentials({});
    expect(stored.ok && stored.value.credentials[0]?.values.baseUrl).toBe(`${sage.url}/Sage300WebApi`);

    // Deleted, the node's slot says the id is not on this machine any more.
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: /sage-e2e/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => slotOptions(page))
      .toEqual(['(none)', "sage-e2e — not in this machine's store", 'New credential…', 'Other id…']);

    // An id only the runtime has (its credentials file or environment): typed, kept as typed.
    await page.getByTestId('inspector').getByLabel('erp (sage300)').selectOption({ label: 'Other id…' });
    const typed = page.getByTestId('inspector').getByRole('textbox', { name: 'erp (sage300)' });
    await typed.fill('sage-prod');
    await session.screenshot('credentials-slot-other-id');
    await typed.press('Enter');
    await expect
      .poll(() => slotOptions(page))
      .toEqual(['(none)', "sage-prod — not in this machine's store", 'New credential…', 'Other id…']);
    await page.keyboard.press('Control+s');
    await expect
      .poll(
        async () =>
          JSON.parse(await readFile(join(workspace, 'customer.flow.json'), 'utf8')).nodes[0].credentials,
      )
      .toEqual({ erp: 'sage-prod' });
  });

  it('puts a credential made from the slot into the node', { timeout: 60_000 }, async () => {
    const { page } = session;
    const { slot, dialog } = await newCredentialFromSlot(page, 'erp (sage300)', 'New Sage 300 credential');
    await dialog.getByLabel(/^Base URL/).fill(`${sage.url}/Sage300WebApi`);
    await dialog.getByLabel(/^Company/).fill('SAMINC');
    await dialog.getByLabel(/^User ID/).fill('WEBAPI');
    await dialog.getByLabel(/^Password/).fill('WEBAPI');
    // The id is checked before asking the host.
    await dialog.getByLabel(/^Id/).fill('has space');
    await saveRefused(dialog, 'only letters, digits');
    await dialog.getByLabel(/^Id/).fill('sage300-1');
    await dialog.getByLabel(/^Password/).press('Enter');
    await expect.poll(() => dialog.getByRole('button', { name: /sage300-1/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => slot.inputValue()).toBe('sage300-1');
  });

  it('keeps a webhook secret for a webhook trigger: no connection test, too short refused', {
    timeout: 60_000,
  }, async () => {
    const { page } = session;
    await page.getByTestId('palette-core.webhookTrigger').click();
    const { slot, dialog } = await newCredentialFromSlot(
      page,
      'webhookSecret (webhookSecret)',
      'New Webhook secret credential',
    );
    // Nothing to connect to: no Test connection button.
    expect(await dialog.getByRole('button', { name: 'Test connection' }).count()).toBe(0);
    await dialog.getByLabel(/^Id/).fill('orders-hook');
    await dialog.getByLabel(/^Secret/).fill('short');
    await saveRefused(dialog, 'at least 16 characters');
    await session.screenshot('credentials-webhook-secret');
    await dialog.getByLabel(/^Secret/).fill('k3J9-wq8Z-xx71-Pq0m');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.getByRole('button', { name: /orders-hook/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => slot.inputValue()).toBe('orders-hook');
    await session.screenshot('credentials-webhook-slot');
  });
});

/** Picks "New credential…" in the selected node's slot and waits for the dialog's form. */
async function newCredentialFromSlot(page: Page, slotLabel: string, formLabel: string) {
  const slot = page.getByTestId('inspector').getByLabel(slotLabel);
  await slot.selectOption({ label: 'New credential…' });
  const dialog = page.getByRole('dialog', { name: 'Credentials' });
  await expect.poll(() => dialog.getByRole('form').getAttribute('aria-label')).toBe(formLabel);
  return { slot, dialog };
}

/** Clicks Save and waits for the refusal under the field that is wrong. */
async function saveRefused(dialog: Locator, problem: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => dialog.locator('.field-invalid .field-problem').textContent()).toContain(problem);
}

async function slotOptions(page: Page): Promise<string[]> {
  return page
    .getByTestId('inspector')
    .getByLabel('erp (sage300)')
    .locator('option')
    .evaluateAll((options) => options.map((option) => option.textContent ?? ''));
}

async function saveFlowAs(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Control+Shift+s');
  await page.getByLabel('File in the workspace').fill(path);
  await page.getByRole('button', { name: 'Save', exact: true }).last().click();
  await expect.poll(() => page.getByTestId('status-file').textContent()).toBe(path);
}
