// @vitest-environment jsdom
/**
 * Backup and restore in the app, with the checks of `pals backup` / `pals restore`: in the
 * desktop app through its save and open dialogs and a confirmation that says what is replaced;
 * under `pals serve` (no desktop platform) a backup downloads and a restore is the command line's.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreDoc } from '../../shared/schema.js';
import { createFakeApi } from './fake-api.js';
import { namesIn, renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(cleanup);

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
/** A folder on the real disk: a restore reads its file as `pals restore` does. */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pals-backup-ui-'));
  made.push(dir);
  return dir;
}

const board = () => seededDoc([{ name: 'Kyverno' }, { name: 'Argo' }]);

async function openBackup(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Backup and restore' }));
  return screen.findByRole('dialog', { name: 'Backup and restore' });
}

describe('backup and restore in the desktop app', () => {
  it('saves the whole store, as `pals backup` writes it, through the save dialog', async () => {
    const fake = createFakeApi(board());
    fake.saveFolder = '/home/pal';
    await renderApp(fake);
    const dialog = await openBackup();
    await act(async () => {
      fireEvent.click(await within(dialog).findByRole('button', { name: 'Save a backup…' }));
    });
    expect(await within(dialog).findByText('Saved to /home/pal/security-pals-backup-2026-03-02.json')).toBeTruthy();
    const saved = JSON.parse(String(fake.saves[0]!.data)) as StoreDoc;
    expect(saved.engagements.map((e) => e.name)).toEqual(['Kyverno', 'Argo']);
    expect(String(fake.saves[0]!.data)).toBe(`${JSON.stringify(fake.doc, null, 2)}\n`);
  });

  it('restores a chosen backup after a confirmation that says what it replaces', async () => {
    const dir = await tempDir();
    const file = join(dir, 'monday.json');
    await writeFile(file, JSON.stringify(seededDoc([{ name: 'Restored' }]), null, 2));
    const fake = createFakeApi(board());
    fake.openPath = file;
    await renderApp(fake);
    const dialog = await openBackup();
    await act(async () => {
      fireEvent.click(await within(dialog).findByRole('button', { name: 'Choose a backup…' }));
    });
    const confirm = await within(dialog).findByRole('group', { name: 'Confirm the restore' });
    expect(confirm.textContent).toContain('Replace the board’s 2 engagements with the 1 engagement of monday.json?');
    // Nothing changed yet; "Keep the board" (focused first) would leave it as it is.
    await waitFor(() => {
      expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep the board' }));
    });
    expect(fake.callsOf('restoreBackup')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Restore' }));
    expect(
      await within(dialog).findByText(/^Restored 1 engagement from monday\.json\. The board as it was is kept in .*before-restore-/),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => {
      expect(namesIn('Intake')).toEqual(['Restored']);
    });
    expect(fake.doc.engagements.map((e) => e.name)).toEqual(['Restored']);
  });

  it('refuses a file that is not a backup, as `pals restore` does, and changes nothing', async () => {
    const dir = await tempDir();
    const file = join(dir, 'notes.json');
    await writeFile(file, '{"schemaVersion": 1, "engagements": [{"name": ""}]}');
    const fake = createFakeApi(board());
    fake.openPath = file;
    await renderApp(fake);
    const dialog = await openBackup();
    await act(async () => {
      fireEvent.click(await within(dialog).findByRole('button', { name: 'Choose a backup…' }));
    });
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /^Not restored: .*notes\.json is not a Security Pals Desk backup: .*the store was not changed$/,
    );
    expect(within(dialog).queryByRole('group', { name: 'Confirm the restore' })).toBeNull();
    expect(fake.doc.engagements.map((e) => e.name)).toEqual(['Kyverno', 'Argo']);
  });

  it('opens from the File menu (and the palette) command "Backup and restore…"', async () => {
    const fake = createFakeApi(board());
    await renderApp(fake);
    act(() => {
      fake.emitMenu('backup-restore');
    });
    expect(await screen.findByRole('dialog', { name: 'Backup and restore' })).toBeTruthy();
  });
});

describe('backup and restore under pals serve', () => {
  beforeEach(() => {
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => undefined });
  });

  it('downloads the backup, and says how to restore from the command line', async () => {
    const fake = createFakeApi(board(), { exportPlatform: false });
    const create = vi.spyOn(URL, 'createObjectURL');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderApp(fake);
    const dialog = await openBackup();
    expect(await within(dialog).findByText('pals --data /mem/data restore FILE')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Choose a backup…' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download a backup' }));
    await waitFor(() => {
      expect(create).toHaveBeenCalledTimes(1);
    });
    const blob = create.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/json');
    expect((JSON.parse(await blob.text()) as StoreDoc).engagements).toHaveLength(2);
    expect(await within(dialog).findByText('Downloading security-pals-backup-2026-03-02.json')).toBeTruthy();
    // A page cannot restore here, whatever it sends.
    const refused = await fake.chooseBackup({});
    expect(refused.ok ? 'restored' : refused.error.message).toMatch(/command line: pals --data/);
  });
});
