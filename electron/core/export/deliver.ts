/**
 * Where an export goes: to a file the command line named (readable by the user only), or to the
 * page that asked — the desktop app's save dialog, or a download under `pals serve`. Every export
 * (the deck, the self-assessment starter, the calendar) takes these two paths.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ExportResult } from '../../../shared/deck/options.js';
import { PalsError } from '../../../shared/errors.js';
import type { ExportPlatform } from '../context.js';
import { writeFileDurable } from '../lib/durable-write.js';
import { describeFsError } from '../lib/fs.js';

/**
 * Writes an export where the command line asked, creating its folder. Exports carry reactions,
 * hours, notes and who owns what, so they are readable by the user only (0600).
 */
export async function writeExport(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileDurable(file, data, { mode: 0o600 });
  } catch (error) {
    throw new PalsError('io', `cannot write ${file}: ${describeFsError(error)}`);
  }
}

/** Hands an export to the page's platform: the app's save dialog, else a download answered as base64. */
export async function deliverExport(
  platform: ExportPlatform | undefined,
  filename: string,
  mime: string,
  data: string | Uint8Array,
): Promise<ExportResult> {
  if (platform) {
    const path = await platform.saveFile(filename, data);
    return path ? { kind: 'saved', path } : { kind: 'cancelled' };
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { kind: 'download', filename, mime, base64: bytes.toString('base64') };
}
