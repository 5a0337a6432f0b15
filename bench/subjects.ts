/**
 * The two stores under test, behind one small interface: ours (PalsStore: validated load,
 * group commit, atomic fsynced writes) and the naive lowdb path (JSONFile, a write per edit).
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { join } from 'node:path';
import { PalsStore } from '../electron/core/store/store.js';
import { editEngagement } from '../shared/engagements.js';
import { emptyDoc, StoreDocSchema, type StoreDoc } from '../shared/schema.js';

/** An opened store that the measurements drive. */
export interface OpenStore {
  /** One edit, resolved once the store says it is saved. */
  edit(id: string, hours: number): Promise<void>;
  /** `ids.length` edits the way an app using this store would issue a burst of them. */
  burst(ids: readonly string[], hours: number): Promise<void>;
  /** File writes made so far. */
  writes(): number;
  /** Flushes anything pending. */
  close(): Promise<void>;
}

/** A way to open a store on a data folder; `file` is the JSON file it keeps there. */
export interface Subject {
  readonly name: string;
  readonly file: string;
  /** The file's text for `doc` in this store's own format, to seed the folder with. */
  seedText(doc: StoreDoc): string;
  open(): Promise<OpenStore>;
}

const stamp = (): string => new Date().toISOString();

/** Our store in `dir`: `PalsStore.open`, then `store.update(editEngagement…)` per edit; bursts are not awaited one by one. */
export function oursSubject(dir: string): Subject {
  return {
    name: 'ours',
    file: join(dir, 'pals.json'),
    seedText: (doc) => JSON.stringify(doc),
    open: async () => {
      const { store } = await PalsStore.open(dir);
      const edit = (id: string, hours: number) => store.update((doc) => editEngagement(doc, id, { hours }, stamp()));
      return {
        edit: async (id, hours) => {
          await edit(id, hours);
        },
        burst: async (ids, hours) => {
          await Promise.all(ids.map((id, i) => edit(id, hours + i)));
        },
        writes: () => store.stats.writes,
        close: () => store.close(),
      };
    },
  };
}

/** lowdb's own path on `dir/pals.json`: `db.read()` + schema parse, then `await db.write()` after every edit. */
export function naiveSubject(dir: string): Subject {
  const file = join(dir, 'pals.json');
  return {
    name: 'naive',
    file,
    seedText: (doc) => JSON.stringify(doc, null, 2),
    open: async () => {
      const db = new Low<StoreDoc>(new JSONFile<StoreDoc>(file), emptyDoc());
      await db.read();
      db.data = StoreDocSchema.parse(db.data);
      let writes = 0;
      const edit = async (id: string, hours: number) => {
        db.data = editEngagement(db.data, id, { hours }, stamp()).doc;
        await db.write();
        writes++;
      };
      return {
        edit,
        burst: async (ids, hours) => {
          for (const [i, id] of ids.entries()) await edit(id, hours + i);
        },
        writes: () => writes,
        close: () => Promise.resolve(),
      };
    },
  };
}
