/**
 * The walls of eslint.config.js, proven by linting small sources as if they stood in a host, in
 * core/lib/ or in the bench: a host reaches the core only through open-core, paths, today and
 * core/lib/ (so a new core file is closed by default), and imports values from shared/ only from
 * the files the config lists. Type-aware rules are off here: the walls do not need types.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const WALL_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  });
});

/** The wall messages for `code` linted as the file `filePath` (which need not exist). */
async function walls(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result!.messages.filter((m) => WALL_RULES.has(m.ruleId ?? '')).map((m) => m.message);
}

/** Each host, with the relative path from one of its files to electron/. */
const HOSTS = [
  { file: 'electron/main.ts', up: './' },
  { file: 'electron/preload.ts', up: './' },
  { file: 'electron/shell/wall-probe.ts', up: '../' },
  { file: 'electron/cli/wall-probe.ts', up: '../' },
  { file: 'electron/serve/wall-probe.ts', up: '../' },
];

describe('the hosts reach the core only through the entrance', () => {
  it.each(HOSTS)('$file may not import a handler, the store or the sync', async ({ file, up }) => {
    for (const inner of ['handlers.js', 'store/store.js', 'github/sync.js', 'dispatch.js', 'context.js', 'host-api.js']) {
      const messages = await walls(file, `import { x } from '${up}core/${inner}';\nexport const y = x;\n`);
      expect(messages, inner).toEqual([expect.stringContaining('only through electron/core/open-core.ts')]);
    }
  });

  it.each(HOSTS)('$file: a core file nobody has listed yet is closed by default', async ({ file, up }) => {
    for (const inner of ['brand-new-helper.js', 'store/brand-new.js', 'lib/nested/helper.js']) {
      const messages = await walls(file, `import { x } from '${up}core/${inner}';\nexport const y = x;\n`);
      expect(messages, inner).toHaveLength(1);
    }
  });

  it('closes core files to type imports too: a host names the types open-core names', async () => {
    const closed = await walls(
      'electron/cli/wall-probe.ts',
      "import type { Recovery } from '../core/store/store.js';\nexport type R = Recovery;\n",
    );
    expect(closed).toHaveLength(1);
    const open = await walls(
      'electron/cli/wall-probe.ts',
      "import type { Recovery } from '../core/open-core.js';\nexport type R = Recovery;\n",
    );
    expect(open).toEqual([]);
  });

  it.each(HOSTS)('$file may import open-core, paths, today and core/lib/', async ({ file, up }) => {
    const code = [
      `import { openCore, type Core } from '${up}core/open-core.js';`,
      `import { resolveDataDir } from '${up}core/paths.js';`,
      `import { today } from '${up}core/today.js';`,
      `import { writeFileDurable } from '${up}core/lib/durable-write.js';`,
      `import { errnoCode } from '${up}core/lib/fs.js';`,
      'export const all = [openCore, resolveDataDir, today, writeFileDurable, errnoCode];',
      'export type C = Core;',
      '',
    ].join('\n');
    expect(await walls(file, code)).toEqual([]);
  });

  it('sees re-exports and dynamic imports, and refuses an import by a computed name', async () => {
    const file = 'electron/cli/wall-probe.ts';
    expect(await walls(file, "export { createHandlers } from '../core/handlers.js';\n")).toHaveLength(1);
    expect(await walls(file, "export const h = await import('../core/handlers.js');\n")).toHaveLength(1);
    expect(await walls(file, "const name = '../core/handlers.js';\nexport const h = await import(name);\n")).toEqual([
      expect.stringContaining('by name only'),
    ]);
    expect(await walls(file, "export const h = await import('../core/open-core.js');\n")).toEqual([]);
    expect(await walls(file, "export const h = await import('./commands.js');\n")).toEqual([]);
  });
});

describe('the hosts import values from shared/ only where the config lists them', () => {
  const file = 'electron/cli/wall-probe.ts';

  it('refuses an operation that changes a document, and a shared file nobody has listed yet', async () => {
    for (const inner of ['engagements.js', 'notes.js', 'move.js', 'github/outbox.js', 'github/sync.js', 'brand-new.js']) {
      const messages = await walls(file, `import { x } from '../../shared/${inner}';\nexport const y = x;\n`);
      expect(messages, inner).toEqual([expect.stringContaining('HOST_SHARED_VALUES')]);
    }
    expect(await walls(file, "export const m = await import('../../shared/engagements.js');\n")).toHaveLength(1);
  });

  it('allows types from any shared file, and values from the listed ones', async () => {
    const code = [
      "import type { Engagement } from '../../shared/schema.js';",
      "import type { Stamp } from '../../shared/engagements.js';",
      "import { PalsError } from '../../shared/errors.js';",
      "import { PHASES } from '../../shared/phases.js';",
      'export const all = [PalsError, PHASES];',
      'export type T = [Engagement, Stamp];',
      '',
    ].join('\n');
    expect(await walls(file, code)).toEqual([]);
  });
});

describe('core/lib/ is no tunnel', () => {
  const file = 'electron/core/lib/wall-probe.ts';

  it('imports only from core/lib/, shared/ and packages, types included', async () => {
    expect(await walls(file, "import { PalsStore } from '../store/store.js';\nexport const s = PalsStore;\n")).toHaveLength(1);
    expect(await walls(file, "export { createHandlers } from '../handlers.js';\n")).toHaveLength(1);
    expect(await walls(file, "import type { Core } from '../open-core.js';\nexport type C = Core;\n")).toHaveLength(1);
    const code = [
      "import type { Recovery } from './recovery-text.js';",
      "import { errnoCode } from './fs.js';",
      "import { PalsError } from '../../../shared/errors.js';",
      "import { join } from 'node:path';",
      'export const all = [errnoCode, PalsError, join];',
      'export type R = Recovery;',
      '',
    ].join('\n');
    expect(await walls(file, code)).toEqual([]);
  });
});

describe('the bench is a host that may reach the parts it measures', () => {
  const file = 'bench/wall-probe.ts';

  it('reaches open-core, lib/ and the listed parts, and nothing else of the core', async () => {
    const allowed = [
      "import { openCore } from '../electron/core/open-core.js';",
      "import { PalsStore } from '../electron/core/store/store.js';",
      "import { createGithubClient } from '../electron/core/github/client.js';",
      "import { nodeFs } from '../electron/core/lib/fs.js';",
      "import { addEngagement } from '../shared/engagements.js';",
      'export const all = [openCore, PalsStore, createGithubClient, nodeFs, addEngagement];',
      '',
    ].join('\n');
    expect(await walls(file, allowed)).toEqual([]);
    for (const inner of ['handlers.js', 'dispatch.js', 'store/journal-file.js', 'brand-new.js']) {
      const messages = await walls(file, `import { x } from '../electron/core/${inner}';\nexport const y = x;\n`);
      expect(messages, inner).toEqual([expect.stringContaining('BENCH_CORE')]);
    }
  });
});
