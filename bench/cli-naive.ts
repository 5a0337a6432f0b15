/**
 * The CLI scenario's naive baseline, run as its own process: the least a command-line tool on
 * lowdb does for the same two commands, with no validation, lock, fsync, backup or due dates.
 *   node dist/bench/cli-naive.js list FILE          read + parse, print the engagements as JSON
 *   node dist/bench/cli-naive.js note FILE ID TEXT  read + parse, append a note, lowdb write
 *   node dist/bench/cli-naive.js parse FILE         read + JSON.parse all the data once, nothing else
 *                                                   (the yardstick of a one-engagement command)
 */
import { readFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

interface NaiveDoc {
  engagements: { id: string; notes: unknown[]; updatedAt: string }[];
}

async function main([command, file, id, text]: readonly string[]): Promise<number> {
  if (!file || !['list', 'note', 'parse'].includes(command ?? '') || (command === 'note' && (!id || text === undefined))) {
    process.stderr.write('usage: cli-naive.js list FILE | note FILE ID TEXT | parse FILE\n');
    return 2;
  }
  if (command === 'parse') {
    const doc = JSON.parse(await readFile(file, 'utf8')) as NaiveDoc;
    process.stdout.write(`${doc.engagements.length}\n`);
    return 0;
  }
  const db = new Low<NaiveDoc>(new JSONFile<NaiveDoc>(file), { engagements: [] });
  await db.read();
  if (command === 'list') {
    // Same shape of output as `pals list --json`: one pretty-printed array.
    process.stdout.write(`${JSON.stringify(db.data.engagements, null, 2)}\n`);
    return 0;
  }
  const engagement = db.data.engagements.find((e) => e.id === id);
  if (!engagement) {
    process.stderr.write(`error: no engagement ${id}\n`);
    return 1;
  }
  const at = new Date().toISOString();
  engagement.notes.push({ id: `naive-${Date.now()}`, kind: 'general', date: at.slice(0, 10), createdAt: at, updatedAt: at, text });
  engagement.updatedAt = at;
  await db.write();
  process.stdout.write(`${id}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
