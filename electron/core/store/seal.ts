/**
 * The seal beside `pals.json` (`pals.seal`): the size and SHA-256 of the exact bytes this program
 * last wrote there, the schema version they were written at, and an HMAC of those three under
 * this user's seal key (seal-key.ts, kept outside every data folder). Whenever the store writes
 * `pals.json` (a whole-file write, a fold of the journal, a restore, a migration, a recovery) it
 * writes the seal afterwards; a load whose bytes hash to a seal whose HMAC verifies skips the
 * schema validation of the document, since those are bytes this user's copy of this program
 * serialized from a validated document. A seal that does not verify (made elsewhere, forged,
 * made before seals were keyed, or no key to check it with) is no seal: the file is validated
 * in full, which is never an error.
 *
 * The seal vouches for a hash, never for a file: whatever order the two files reach the disk in,
 * and whatever a crash, another process, a hand-edit or a copied-in backup leaves, a seal matches
 * only the very bytes it was made for, and anything else is validated in full. So the seal needs
 * no flush of its own (losing it costs one full validation) and a failure to write it is ignored.
 * A seal for another schema version, or in a format this program does not know, is ignored.
 * (Format 2 was unkeyed; 3 adds the HMAC; 4 adds where each engagement's notes lie in the file,
 * notes-layout.ts, under the same HMAC, so a load can leave the notes unparsed until read.)
 */
import { createHash, createHmac, randomBytes, timingSafeEqual, type Hash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/schema.js';
import type { StoreDoc } from '../../../shared/schema.js';
import { writeFileDurable } from '../lib/durable-write.js';
import type { Fs } from '../lib/fs.js';
import { layoutOf, LayoutRecorder, type NotesLayout } from './notes-layout.js';
import { sealKey } from './seal-key.js';
import { serializeDocChunks } from './serialize.js';

export const SEAL_FORMAT = 4;
/** Seals of format 3 (no layout) are still read: their file loads without validation, notes and all. */
const FORMATS = new Set([3, SEAL_FORMAT]);

/** What a seal says: `pals.json` was exactly these bytes when this program wrote it. */
export interface Seal {
  readonly size: number;
  readonly sha256: string;
  readonly schemaVersion: number;
  /** Where each engagement's notes lie in those bytes (null: not recorded). */
  readonly layout: NotesLayout | null;
}

/** The seal file of a store file (`pals.json` → `pals.seal`, beside it). */
export function sealPathOf(file: string): string {
  return join(dirname(file), `${basename(file, '.json')}.seal`);
}

/** SHA-256 of the bytes, hex. */
export function digestOf(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Passes `chunks` through unchanged while hashing them as UTF-8 (what writing them as strings stores). */
export function* hashing(chunks: Iterable<string>, hash: Hash): Generator<string> {
  for (const chunk of chunks) {
    hash.update(chunk, 'utf8');
    yield chunk;
  }
}

/** The seal of bytes written now, at this program's schema version. */
export function sealOf(size: number, sha256: string, layout: NotesLayout | null = null): Seal {
  return { size, sha256, schemaVersion: SCHEMA_VERSION, layout };
}

/** True when `seal` was made for exactly `data` at this program's schema version (hash over `data` itself). */
export function sealMatches(seal: Seal | null, data: Uint8Array): boolean {
  return seal !== null && seal.schemaVersion === SCHEMA_VERSION && seal.size === data.length && seal.sha256 === digestOf(data);
}

/** The HMAC of what a seal of `format` says, under `key` (hex); format 4 covers the layout too. */
function macOf(key: Buffer, seal: Seal, format: number): string {
  const layout = format >= 4 ? `\n${seal.layout ? digestOf(Buffer.from(JSON.stringify(seal.layout))) : 'none'}` : '';
  return createHmac('sha256', key)
    .update(`pals.seal/${String(format)}\n${String(seal.schemaVersion)}\n${String(seal.size)}\n${seal.sha256}${layout}`)
    .digest('hex');
}

/** The seal of the store file `file`; null when there is none, it cannot be read or understood, or its HMAC does not verify under this user's key. */
export async function readSeal(fs: Fs, file: string): Promise<Seal | null> {
  let text: string;
  try {
    text = await fs.readFile(sealPathOf(file), 'utf8');
  } catch {
    return null;
  }
  const key = await sealKey();
  if (!key) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const format = value.seal;
    if (
      typeof format === 'number' &&
      FORMATS.has(format) &&
      typeof value.size === 'number' &&
      typeof value.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(value.sha256) &&
      typeof value.schemaVersion === 'number' &&
      typeof value.mac === 'string' &&
      /^[0-9a-f]{64}$/.test(value.mac)
    ) {
      const layout = format >= 4 && value.layout !== null ? layoutOf(value.layout) : null;
      if (format >= 4 && value.layout !== null && layout === null) return null;
      const seal: Seal = { size: value.size, sha256: value.sha256, schemaVersion: value.schemaVersion, layout };
      return timingSafeEqual(Buffer.from(macOf(key, seal, format), 'hex'), Buffer.from(value.mac, 'hex')) ? seal : null;
    }
  } catch {
    // A damaged seal is no seal.
  }
  return null;
}

/**
 * Records `seal` for the store file `file` (call after the file is in place, under the lock).
 * Replaced by rename so a reader never sees half a seal; never throws (see the file comment).
 * Without a seal key, any seal left from before is removed instead (it could not be checked).
 */
export async function writeSeal(fs: Fs, file: string, seal: Seal): Promise<void> {
  const target = sealPathOf(file);
  const key = await sealKey();
  if (!key) {
    await fs.unlink(target).catch(() => undefined);
    return;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const text = JSON.stringify({ seal: SEAL_FORMAT, ...seal, mac: macOf(key, seal, SEAL_FORMAT) });
    await fs.writeFile(temp, text, { mode: 0o600, flag: 'wx' });
    await fs.rename(temp, target);
  } catch {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** Replaces the store file `file` with `text` durably, then seals it (without a layout: its notes load with it). */
export async function writeSealedFile(fs: Fs, file: string, text: string): Promise<void> {
  const data = Buffer.from(text, 'utf8');
  await writeFileDurable(file, data, { fs });
  await writeSeal(fs, file, sealOf(data.length, digestOf(data)));
}

/** Replaces the store file `file` with `doc` durably, then seals it with its layout (opening: migration, recovery). */
export async function writeSealedDoc(fs: Fs, file: string, doc: StoreDoc): Promise<void> {
  const recorder = new LayoutRecorder();
  const data = Buffer.from([...serializeDocChunks(doc, recorder)].join(''), 'utf8');
  await writeFileDurable(file, data, { fs });
  await writeSeal(fs, file, sealOf(data.length, digestOf(data), recorder.result()));
}

/**
 * Seals `data`, the bytes of the store file `file` just validated in full as `doc`, when they are
 * exactly what this program writes for `doc` (compact, in its order): later loads then skip the
 * validation and leave the notes unparsed, as for a file it wrote. Anything else (pretty-printed,
 * hand-ordered, another version) is left unsealed until the next write. Never throws.
 */
export async function sealIfCanonical(fs: Fs, file: string, data: Buffer, doc: StoreDoc): Promise<void> {
  // A file this program writes starts `{"schemaVersion":`; a pretty-printed one is not worth serializing.
  if (data[0] !== 0x7b || data[1] !== 0x22) return;
  const recorder = new LayoutRecorder();
  let at = 0;
  for (const chunk of serializeDocChunks(doc, recorder, false)) {
    const bytes = Buffer.from(chunk, 'utf8');
    if (at + bytes.length > data.length || bytes.compare(data, at, at + bytes.length) !== 0) return;
    at += bytes.length;
  }
  if (at !== data.length) return;
  await writeSeal(fs, file, sealOf(data.length, digestOf(data), recorder.result()));
}
