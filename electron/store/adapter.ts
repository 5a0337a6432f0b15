/**
 * lowdb adapter for `pals.json`: reads validate (and migrate) the document, writes are atomic
 * and durable. JSON is written without indentation: V8's fast path, and a smaller file.
 */
import type { Adapter } from 'lowdb';
import { parseDocText, type ParsedDoc } from '../../shared/document.js';
import type { Migration } from '../../shared/migrations.js';
import type { StoreDoc } from '../../shared/schema.js';
import { writeFileDurable } from './durable-write.js';
import { serializeDoc } from './serialize.js';
import { nodeFs, readSnapshot, type Fs } from './fs.js';

export class DurableJsonAdapter implements Adapter<StoreDoc> {
  /** What the last read found (null when no file), and the signature of that file version. */
  lastRead: ParsedDoc | null = null;
  lastSig = 'missing';

  constructor(
    readonly file: string,
    private readonly fs: Fs = nodeFs,
    private readonly migrations?: readonly Migration[],
  ) {}

  /** The document, or null when there is no file yet. Throws PalsError on a bad file. */
  async read(): Promise<StoreDoc | null> {
    const snapshot = await readSnapshot(this.fs, this.file);
    if (!snapshot) {
      this.lastRead = null;
      this.lastSig = 'missing';
      return null;
    }
    this.lastRead = parseDocText(snapshot.text, this.migrations);
    this.lastSig = snapshot.sig;
    return this.lastRead.doc;
  }

  async write(doc: StoreDoc): Promise<void> {
    await writeFileDurable(this.file, serializeDoc(doc), { fs: this.fs });
  }
}
