/**
 * An in-memory file system implementing the store's `Fs` (electron/core/lib/fs.ts), so the
 * real store and core run in tests without touching the disk. It keeps the POSIX semantics the
 * store relies on:
 *
 * - every new file is a new inode (`ino`); `rename` moves an inode into place atomically,
 *   replacing the target, so a durable write (temp file, fsync, rename) yields a new signature;
 * - `mtimeMs` strictly increases with every write, even within one millisecond (the store
 *   compares `ino:size:mtimeMs` signatures to notice other writers);
 * - `open(…, 'wx')`, `link` onto an existing name and `copyFile` with COPYFILE_EXCL fail with
 *   EEXIST; a missing file or folder fails with ENOENT; errors carry `code`, `syscall`, `path`;
 * - file handles keep a position; writes with an explicit position are pwrites; append modes
 *   ('a', 'a+', 'ax') always write at the end; a folder opens for reading (so `fsync` on a
 *   folder works) but reads from it fail with EISDIR;
 * - hard links share an inode; unlinking one name leaves the other.
 *
 * `intercept` runs before every operation (and every handle operation) with its name and path:
 * it may throw (an injected ENOSPC…) or return a promise (a delay). Synchronous helpers
 * (`putFile`, `readText`, `exists`, `list`) let a test seed and inspect files directly, as a
 * person or another program would.
 */
import { constants, Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Fs } from '../../electron/core/lib/fs.js';

/** An operation as `intercept` sees it: `fs.<name>` or `handle.<name>`, with the path it is about. */
export interface FsOperation {
  readonly op: string;
  readonly path: string;
}

export interface MemoryFsOptions {
  /** Runs before each operation; throw to fail it, return a promise to delay it. */
  readonly intercept?: (operation: FsOperation) => void | Promise<void>;
  /** Wall-clock source for mtimes (default Date.now); mtimes still strictly increase. */
  readonly clock?: () => number;
}

/** The store's `Fs`, plus synchronous helpers for tests. */
export interface MemoryFs extends Fs {
  /** Writes a whole file now (creating its folders), as a new inode renamed into place. */
  putFile(path: string, data: string | Uint8Array): void;
  /** A file's content as UTF-8 text (throws ENOENT / EISDIR). */
  readText(path: string): string;
  /** True when a file or folder exists at `path`. */
  exists(path: string): boolean;
  /** Every file path, sorted (folders are implied). */
  list(): string[];
}

interface FileNode {
  readonly kind: 'file';
  readonly ino: number;
  buf: Buffer;
  size: number;
  mode: number;
  mtimeMs: number;
  birthtimeMs: number;
  nlink: number;
}

interface DirNode {
  readonly kind: 'dir';
  readonly ino: number;
  mode: number;
  mtimeMs: number;
  birthtimeMs: number;
}

type Node = FileNode | DirNode;

const MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  ENOTEMPTY: 'directory not empty',
  EBADF: 'bad file descriptor',
  EPERM: 'operation not permitted',
  EINVAL: 'invalid argument',
  ENOSYS: 'function not implemented',
};

/** An error shaped like Node's fs errors (`code`, `errno`, `syscall`, `path`). */
export function fsError(code: string, syscall: string, path: string, dest?: string): NodeJS.ErrnoException {
  const where = dest === undefined ? `'${path}'` : `'${path}' -> '${dest}'`;
  const error = new Error(`${code}: ${MESSAGES[code] ?? 'error'}, ${syscall} ${where}`) as NodeJS.ErrnoException;
  error.code = code;
  error.errno = -((constants as unknown as Record<string, number>)[code] ?? 1);
  error.syscall = syscall;
  error.path = path;
  if (dest !== undefined) (error as NodeJS.ErrnoException & { dest: string }).dest = dest;
  return error;
}

interface OpenFlags {
  readonly read: boolean;
  readonly write: boolean;
  readonly create: boolean;
  readonly exclusive: boolean;
  readonly truncate: boolean;
  readonly append: boolean;
}

function parseFlags(flags: unknown): OpenFlags {
  const f = flags ?? 'r';
  if (typeof f !== 'string') throw new Error('memory fs: open flags other than strings are not supported');
  const known: Record<string, OpenFlags> = {
    r: { read: true, write: false, create: false, exclusive: false, truncate: false, append: false },
    'r+': { read: true, write: true, create: false, exclusive: false, truncate: false, append: false },
    w: { read: false, write: true, create: true, exclusive: false, truncate: true, append: false },
    'w+': { read: true, write: true, create: true, exclusive: false, truncate: true, append: false },
    wx: { read: false, write: true, create: true, exclusive: true, truncate: true, append: false },
    'wx+': { read: true, write: true, create: true, exclusive: true, truncate: true, append: false },
    a: { read: false, write: true, create: true, exclusive: false, truncate: false, append: true },
    'a+': { read: true, write: true, create: true, exclusive: false, truncate: false, append: true },
    ax: { read: false, write: true, create: true, exclusive: true, truncate: false, append: true },
    'ax+': { read: true, write: true, create: true, exclusive: true, truncate: false, append: true },
  };
  const parsed = known[f.replace('s', '')];
  if (!parsed) throw new Error(`memory fs: open flags '${f}' are not supported`);
  return parsed;
}

function toBuffer(data: unknown, encoding: BufferEncoding = 'utf8'): Buffer {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (Buffer.isBuffer(data)) return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('memory fs: data must be a string, a Buffer or a typed array');
}

function encodingOf(options: unknown): BufferEncoding | null {
  if (typeof options === 'string') return options as BufferEncoding;
  if (typeof options === 'object' && options !== null && 'encoding' in options && typeof options.encoding === 'string') {
    return options.encoding as BufferEncoding;
  }
  return null;
}

function optionOf(options: unknown, key: string): unknown {
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[key] : undefined;
}

function numberOption(options: unknown, key: string): number | undefined {
  const value = optionOf(options, key);
  return typeof value === 'number' ? value : undefined;
}

/** Builds an empty memory file system holding only the root folder. */
export function createMemoryFs(options: MemoryFsOptions = {}): MemoryFs {
  const clock = options.clock ?? Date.now;
  const nodes = new Map<string, Node>();
  let inodes = 0;
  let lastTime = 0;
  const tick = () => (lastTime = Math.max(clock(), lastTime + 1));
  const newDir = (mode = 0o755): DirNode => {
    const t = tick();
    return { kind: 'dir', ino: ++inodes, mode: mode & 0o7777, mtimeMs: t, birthtimeMs: t };
  };
  const newFile = (mode = 0o644): FileNode => {
    const t = tick();
    return { kind: 'file', ino: ++inodes, buf: Buffer.alloc(0), size: 0, mode: mode & 0o7777, mtimeMs: t, birthtimeMs: t, nlink: 1 };
  };
  nodes.set('/', newDir());

  const norm = (path: unknown): string => {
    if (path instanceof URL) return norm(path.pathname);
    if (Buffer.isBuffer(path)) return norm(path.toString());
    if (typeof path !== 'string') throw new TypeError('memory fs: paths must be strings');
    const p = posix.normalize(path);
    if (!posix.isAbsolute(p)) throw new Error(`memory fs: paths must be absolute (${path})`);
    return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
  };
  const before = async (op: string, path: string) => {
    await options.intercept?.({ op, path });
  };
  /** The folder `path` must be in: ENOENT when missing, ENOTDIR when a file. */
  const parentOf = (path: string, syscall: string, report = path): DirNode => {
    const parent = nodes.get(posix.dirname(path));
    if (!parent) throw fsError('ENOENT', syscall, report);
    if (parent.kind !== 'dir') throw fsError('ENOTDIR', syscall, report);
    return parent;
  };
  const touchDir = (dir: DirNode) => {
    dir.mtimeMs = tick();
  };
  const lookup = (path: string, syscall: string): Node => {
    parentOf(path, syscall);
    const node = nodes.get(path);
    if (!node) throw fsError('ENOENT', syscall, path);
    return node;
  };
  const lookupFile = (path: string, syscall: string): FileNode => {
    const node = lookup(path, syscall);
    if (node.kind !== 'file') throw fsError('EISDIR', syscall, path);
    return node;
  };
  const childrenOf = (dir: string): string[] => {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    return [...nodes.keys()].filter((p) => p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'));
  };

  const writeAt = (file: FileNode, data: Buffer, position: number) => {
    const end = position + data.length;
    if (end > file.buf.length) {
      const grown = Buffer.alloc(Math.max(end, file.buf.length * 2, 64));
      file.buf.copy(grown, 0, 0, file.size);
      file.buf = grown;
    }
    if (position > file.size) file.buf.fill(0, file.size, position);
    data.copy(file.buf, position);
    file.size = Math.max(file.size, end);
    file.mtimeMs = tick();
  };
  const truncateTo = (file: FileNode, length: number) => {
    if (length > file.buf.length) {
      const grown = Buffer.alloc(length);
      file.buf.copy(grown, 0, 0, file.size);
      file.buf = grown;
    } else if (length > file.size) file.buf.fill(0, file.size, length);
    file.size = length;
    file.mtimeMs = tick();
  };
  const contentOf = (file: FileNode, from = 0): Buffer => Buffer.from(file.buf.subarray(Math.min(from, file.size), file.size));

  const statsOf = (node: Node): Stats => {
    const isFile = node.kind === 'file';
    const size = isFile ? node.size : 4096;
    const date = (ms: number) => new Date(Math.floor(ms));
    // A real Stats (its isFile(), isDirectory()… read `mode`), with this node's figures.
    return Object.assign(Object.create(Stats.prototype) as Stats, {
      dev: 0x6d656d,
      ino: node.ino,
      mode: (isFile ? constants.S_IFREG : constants.S_IFDIR) | node.mode,
      nlink: isFile ? node.nlink : 2,
      uid: 0,
      gid: 0,
      rdev: 0,
      size,
      blksize: 4096,
      blocks: Math.ceil(size / 512),
      atimeMs: node.mtimeMs,
      mtimeMs: node.mtimeMs,
      ctimeMs: node.mtimeMs,
      birthtimeMs: node.birthtimeMs,
      atime: date(node.mtimeMs),
      mtime: date(node.mtimeMs),
      ctime: date(node.mtimeMs),
      birthtime: date(node.birthtimeMs),
    });
  };

  /** Creates or opens the file at `path` as `flags` say (no intercept: callers do that). */
  const openNode = (path: string, flags: OpenFlags, mode: number | undefined, syscall: string): Node => {
    const parent = parentOf(path, syscall);
    const existing = nodes.get(path);
    if (existing) {
      if (flags.create && flags.exclusive) throw fsError('EEXIST', syscall, path);
      if (existing.kind === 'dir' && flags.write) throw fsError('EISDIR', syscall, path);
      if (existing.kind === 'file' && flags.truncate) truncateTo(existing, 0);
      return existing;
    }
    if (!flags.create) throw fsError('ENOENT', syscall, path);
    const file = newFile(mode);
    nodes.set(path, file);
    touchDir(parent);
    return file;
  };

  const handleFor = (path: string, node: Node, flags: OpenFlags): FileHandle => {
    let position = 0;
    let closed = false;
    const fd = 1000 + node.ino;
    /** The open file, for an operation that needs one (EBADF once closed; EISDIR on a folder). */
    const file = async (op: string, needs: 'read' | 'write' | null): Promise<FileNode> => {
      if (closed) throw fsError('EBADF', op, path);
      await before(`handle.${op}`, path);
      if (closed) throw fsError('EBADF', op, path);
      if (node.kind !== 'file') throw fsError('EISDIR', op, path);
      if ((needs === 'read' && !flags.read) || (needs === 'write' && !flags.write)) throw fsError('EBADF', op, path);
      return node;
    };
    const put = (f: FileNode, data: Buffer, at: number | null | undefined): number => {
      const explicit = typeof at === 'number' && at >= 0;
      const where = flags.append ? f.size : explicit ? at : position;
      writeAt(f, data, where);
      if (!explicit || flags.append) position = where + data.length;
      return data.length;
    };
    const handle = {
      fd,
      async stat() {
        if (closed) throw fsError('EBADF', 'fstat', path);
        await before('handle.stat', path);
        return statsOf(node);
      },
      async sync() {
        if (closed) throw fsError('EBADF', 'fsync', path);
        await before('handle.sync', path);
      },
      async datasync() {
        if (closed) throw fsError('EBADF', 'fdatasync', path);
        await before('handle.datasync', path);
      },
      async close() {
        if (closed) return;
        await before('handle.close', path);
        closed = true;
      },
      async truncate(length = 0) {
        const f = await file('ftruncate', 'write');
        truncateTo(f, length);
      },
      async readFile(options?: unknown) {
        const f = await file('read', 'read');
        const data = contentOf(f, position);
        position = f.size;
        const encoding = encodingOf(options);
        return encoding ? data.toString(encoding) : data;
      },
      async read(...args: unknown[]) {
        const f = await file('read', 'read');
        let [buffer, offset, length, at] = args as [Buffer | undefined, number | undefined, number | undefined, number | null | undefined];
        if (typeof args[0] === 'object' && args[0] !== null && !ArrayBuffer.isView(args[0])) {
          ({ buffer, offset, length, position: at } = args[0] as { buffer?: Buffer; offset?: number; length?: number; position?: number });
        } else if (typeof args[1] === 'object' && args[1] !== null) {
          ({ offset, length, position: at } = args[1] as { offset?: number; length?: number; position?: number });
        }
        const target = buffer ?? Buffer.alloc(16_384);
        const start = offset ?? 0;
        const want = length ?? target.byteLength - start;
        const from = typeof at === 'number' && at >= 0 ? at : position;
        const bytesRead = Math.max(0, Math.min(want, f.size - from));
        if (bytesRead > 0) f.buf.copy(toBuffer(target), start, from, from + bytesRead);
        if (!(typeof at === 'number' && at >= 0)) position = from + bytesRead;
        return { bytesRead, buffer: target };
      },
      async write(data: unknown, ...rest: unknown[]) {
        const f = await file('write', 'write');
        if (typeof data === 'string') {
          const [at, encoding] = rest as [number | null | undefined, BufferEncoding | undefined];
          const bytes = toBuffer(data, encoding);
          return { bytesWritten: put(f, bytes, at), buffer: data };
        }
        let [offset, length, at] = rest as [number | undefined, number | undefined, number | null | undefined];
        if (typeof rest[0] === 'object' && rest[0] !== null) {
          ({ offset, length, position: at } = rest[0] as { offset?: number; length?: number; position?: number });
        }
        const whole = toBuffer(data);
        const start = offset ?? 0;
        const bytes = whole.subarray(start, start + (length ?? whole.length - start));
        return { bytesWritten: put(f, bytes, at), buffer: data };
      },
      async writeFile(data: unknown, options?: unknown) {
        const f = await file('write', 'write');
        put(f, toBuffer(data, encodingOf(options) ?? 'utf8'), null);
      },
      async appendFile(data: unknown, options?: unknown) {
        const f = await file('write', 'write');
        writeAt(f, toBuffer(data, encodingOf(options) ?? 'utf8'), f.size);
      },
    };
    return handle as unknown as FileHandle;
  };

  const memory = {
    async open(path: unknown, flags?: string | number, mode?: number) {
      const p = norm(path);
      await before('fs.open', p);
      const parsed = parseFlags(flags);
      const node = openNode(p, parsed, mode, 'open');
      return handleFor(p, node, parsed);
    },

    async readFile(path: unknown, options?: unknown) {
      if (typeof path === 'object' && path !== null && 'fd' in path)
        throw new Error('memory fs: readFile on a handle: use handle.readFile');
      const p = norm(path);
      await before('fs.readFile', p);
      const data = contentOf(lookupFile(p, 'open'));
      const encoding = encodingOf(options);
      return encoding ? data.toString(encoding) : data;
    },

    async writeFile(path: unknown, data: unknown, options?: unknown) {
      const p = norm(path);
      await before('fs.writeFile', p);
      const flag = optionOf(options, 'flag') ?? 'w';
      const parsed = parseFlags(flag);
      const node = openNode(p, parsed, numberOption(options, 'mode'), 'open');
      if (node.kind !== 'file') throw fsError('EISDIR', 'open', p);
      const bytes = toBuffer(data, encodingOf(options) ?? 'utf8');
      writeAt(node, bytes, parsed.append ? node.size : 0);
    },

    async stat(path: unknown) {
      const p = norm(path);
      await before('fs.stat', p);
      return statsOf(lookup(p, 'stat'));
    },

    async rename(from: unknown, to: unknown) {
      const a = norm(from);
      const b = norm(to);
      await before('fs.rename', a);
      const fromParent = parentOf(a, 'rename', a);
      const node = nodes.get(a);
      if (!node) throw fsError('ENOENT', 'rename', a, b);
      const toParent = nodes.get(posix.dirname(b));
      if (!toParent) throw fsError('ENOENT', 'rename', a, b);
      if (toParent.kind !== 'dir') throw fsError('ENOTDIR', 'rename', a, b);
      if (a === b) return;
      if (node.kind === 'dir') {
        if (b.startsWith(`${a}/`)) throw fsError('EINVAL', 'rename', a, b);
        const target = nodes.get(b);
        if (target && target.kind !== 'dir') throw fsError('ENOTDIR', 'rename', a, b);
        if (target && childrenOf(b).length > 0) throw fsError('ENOTEMPTY', 'rename', a, b);
        const moved = [...nodes.entries()].filter(([p]) => p === a || p.startsWith(`${a}/`));
        for (const [p] of moved) nodes.delete(p);
        for (const [p, n] of moved) nodes.set(b + p.slice(a.length), n);
      } else {
        const target = nodes.get(b);
        if (target?.kind === 'dir') throw fsError('EISDIR', 'rename', a, b);
        if (target === node) return; // two links to one inode: POSIX does nothing
        if (target) target.nlink--;
        nodes.delete(a);
        nodes.set(b, node);
      }
      touchDir(fromParent);
      touchDir(toParent);
    },

    async unlink(path: unknown) {
      const p = norm(path);
      await before('fs.unlink', p);
      const node = lookup(p, 'unlink');
      if (node.kind === 'dir') throw fsError('EISDIR', 'unlink', p);
      nodes.delete(p);
      node.nlink--;
      touchDir(parentOf(p, 'unlink'));
    },

    async link(existing: unknown, created: unknown) {
      const a = norm(existing);
      const b = norm(created);
      await before('fs.link', a);
      parentOf(a, 'link', a);
      const node = nodes.get(a);
      if (!node) throw fsError('ENOENT', 'link', a, b);
      if (node.kind === 'dir') throw fsError('EPERM', 'link', a, b);
      const parent = nodes.get(posix.dirname(b));
      if (!parent) throw fsError('ENOENT', 'link', a, b);
      if (parent.kind !== 'dir') throw fsError('ENOTDIR', 'link', a, b);
      if (nodes.has(b)) throw fsError('EEXIST', 'link', a, b);
      nodes.set(b, node);
      node.nlink++;
      touchDir(parent);
    },

    async copyFile(from: unknown, to: unknown, mode = 0) {
      const a = norm(from);
      const b = norm(to);
      await before('fs.copyFile', a);
      const source = nodes.get(a);
      if (!source) throw fsError('ENOENT', 'copyfile', a, b);
      if (source.kind === 'dir') throw fsError('EISDIR', 'copyfile', a, b);
      const parent = nodes.get(posix.dirname(b));
      if (!parent) throw fsError('ENOENT', 'copyfile', a, b);
      if (parent.kind !== 'dir') throw fsError('ENOTDIR', 'copyfile', a, b);
      const target = nodes.get(b);
      if (target && mode & constants.COPYFILE_EXCL) throw fsError('EEXIST', 'copyfile', a, b);
      if (target?.kind === 'dir') throw fsError('EISDIR', 'copyfile', a, b);
      // Like copy_file_range into an opened (or created) target: an existing target keeps its inode.
      const file = target ?? newFile(source.mode);
      truncateTo(file, 0);
      writeAt(file, contentOf(source), 0);
      if (!target) {
        nodes.set(b, file);
        touchDir(parent);
      }
    },

    async mkdir(path: unknown, options?: unknown) {
      const p = norm(path);
      await before('fs.mkdir', p);
      const recursive = optionOf(options, 'recursive') === true;
      const mode = typeof options === 'number' ? options : numberOption(options, 'mode');
      const existing = nodes.get(p);
      if (existing) {
        if (recursive && existing.kind === 'dir') return undefined;
        throw fsError('EEXIST', 'mkdir', p);
      }
      if (!recursive) {
        const parent = parentOf(p, 'mkdir');
        nodes.set(p, newDir(mode));
        touchDir(parent);
        return undefined;
      }
      const missing: string[] = [];
      for (let at = p; !nodes.has(at); at = posix.dirname(at)) missing.unshift(at);
      const top = nodes.get(posix.dirname(missing[0]!));
      if (top?.kind !== 'dir') throw fsError('ENOTDIR', 'mkdir', p);
      for (const dir of missing) {
        nodes.set(dir, newDir(mode));
        touchDir(nodes.get(posix.dirname(dir)) as DirNode);
      }
      return missing[0];
    },

    async readdir(path: unknown, options?: unknown) {
      const p = norm(path);
      await before('fs.readdir', p);
      if (optionOf(options, 'withFileTypes') === true) throw new Error('memory fs: readdir withFileTypes is not supported');
      if (optionOf(options, 'recursive') === true) throw new Error('memory fs: recursive readdir is not supported');
      const node = lookup(p, 'scandir');
      if (node.kind !== 'dir') throw fsError('ENOTDIR', 'scandir', p);
      const names = childrenOf(p)
        .map((c) => posix.basename(c))
        .sort();
      return (encodingOf(options) as string | null) === 'buffer' ? names.map((n) => Buffer.from(n)) : names;
    },

    putFile(path: string, data: string | Uint8Array) {
      const p = norm(path);
      let missing = posix.dirname(p);
      const chain: string[] = [];
      for (; !nodes.has(missing); missing = posix.dirname(missing)) chain.unshift(missing);
      for (const dir of chain) nodes.set(dir, newDir());
      const parent = parentOf(p, 'open');
      const existing = nodes.get(p);
      if (existing?.kind === 'dir') throw fsError('EISDIR', 'open', p);
      if (existing) existing.nlink--;
      const file = newFile(0o600);
      writeAt(file, toBuffer(data), 0);
      nodes.set(p, file);
      touchDir(parent);
    },

    readText(path: string) {
      return contentOf(lookupFile(norm(path), 'open')).toString('utf8');
    },

    exists(path: string) {
      return nodes.has(norm(path));
    },

    list() {
      return [...nodes.entries()]
        .filter(([, n]) => n.kind === 'file')
        .map(([p]) => p)
        .sort();
    },
  };
  return memory as unknown as MemoryFs;
}
