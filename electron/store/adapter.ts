/**
 * lowdb adapter for `pals.json`: reads validate (and migrate) the document, writes are atomic
 * and durable. JSON is written without indentation: V8's fast path, and a smaller file.
 */
import type { Adapter } from 'lowdb';
import { parseDocText, type ParsedDoc } from '../../shared/document.js';
import type { Migration } from '../../shared/migrations.js';
import type { StoreDoc } from '../../shared/schema.js';
import { writeFileDurable } from './durable-write.js';
import { errnoCode, nodeFs, type Fs } from './fs.js';

export class DurableJsonAdapter implements Adapter<StoreDoc> {
  /** The format version the last read found before migrating (null when no file). */
  lastRead: ParsedDoc | null = null;

  constructor(
    readonly file: string,
    private readonly fs: Fs = nodeFs,
    private readonly migrations?: readonly Migration[],
  ) {}

  /** The document, or null when there is no file yet. Throws PalsError on a bad file. */
  async read(): Promise<StoreDoc | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') {
        this.lastRead = null;
        return null;
      }
      throw error;
    }
    this.lastRead = parseDocText(text, this.migrations);
    return this.lastRead.doc;
  }

  async write(doc: StoreDoc): Promise<void> {
    await writeFileDurable(this.file, JSON.stringify(doc), { fs: this.fs });
  }
}
