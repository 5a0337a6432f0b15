/**
 * Fault injection for the store's file system (electron/core/lib/fs.ts), the way SQLite tests
 * its I/O layer: every operation that changes the disk (open, write, fsync, rename, copy,
 * unlink…) gets a number in the order it runs; a test arms a fault at number N (a short write,
 * a write that makes no progress, ENOSPC, EIO, …), once or from N on (a disk that stays full),
 * runs a scenario, clears the fault and checks what is on disk. Reads are never failed.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Fs } from '../../electron/core/lib/fs.js';

/** What the armed operation does instead of succeeding. */
export type Fault =
  /** A write writes only part of its bytes (half, at least one fewer) and says so, without an error. */
  | { readonly kind: 'short' }
  /** A write writes nothing and returns 0. */
  | { readonly kind: 'stall' }
  /** The operation fails with this errno code, changing nothing. */
  | { readonly kind: 'error'; readonly code: string };

/** One counted operation: `fs.rename`, `handle.write`… and the path it is about. */
export interface CountedOp {
  readonly op: string;
  readonly path: string;
}

/** Operations that change the disk (the ones a fault can hit). */
const MUTATING = new Set([
  'fs.open',
  'fs.rename',
  'fs.unlink',
  'fs.writeFile',
  'fs.copyFile',
  'fs.mkdir',
  'fs.link',
  'handle.write',
  'handle.writeFile',
  'handle.sync',
  'handle.datasync',
  'handle.truncate',
]);

/** Operations that need free space (the rest still work on a full disk). */
const NEEDS_ROOM = new Set(['fs.writeFile', 'fs.copyFile', 'fs.mkdir', 'handle.write', 'handle.writeFile']);

/** The faults worth trying at an operation of this kind. */
export function faultsFor(op: string): Fault[] {
  const error = (code: string): Fault => ({ kind: 'error', code });
  switch (op) {
    case 'handle.write':
      return [{ kind: 'short' }, { kind: 'stall' }, error('ENOSPC'), error('EIO')];
    case 'handle.sync':
    case 'handle.datasync':
    case 'fs.unlink':
    case 'handle.truncate':
      return [error('EIO')];
    case 'fs.open':
      return [error('ENOSPC'), error('EIO'), error('EMFILE')];
    default:
      return [error('ENOSPC'), error('EIO')];
  }
}

/** A short label for reports: `short`, `ENOSPC`… */
export function faultName(fault: Fault): string {
  return fault.kind === 'error' ? fault.code : fault.kind;
}

/** The store's `Fs` with fault injection (see the file comment). */
export interface FaultyFs extends Fs {
  /** Every counted operation so far, in order. */
  readonly ops: CountedOp[];
  /** Arms `fault` at the `at`-th counted operation (0-based); `persistent`: every later one fails too. */
  arm(at: number, fault: Fault, persistent?: boolean): void;
  /** Arms `fault` at the next counted operation that `match` accepts. */
  armWhen(match: (op: CountedOp) => boolean, fault: Fault, persistent?: boolean): void;
  /** Disarms; what was written stays. */
  clear(): void;
  /** How many times an armed fault fired. */
  readonly fired: number;
}

/** A path argument as text (a string, a URL or a Buffer). */
function pathOf(path: unknown): string {
  if (typeof path === 'string') return path;
  if (path instanceof URL) return path.pathname;
  return Buffer.isBuffer(path) ? path.toString() : '(a file handle)';
}

function errnoError(code: string, op: string, path: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: injected fault, ${op} '${path}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = op.replace(/^(fs|handle)\./, '');
  error.path = path;
  return error;
}

/** Wraps `base` (a memory file system, or the real one) with fault injection. */
export function faultyFs(base: Fs): FaultyFs {
  const ops: CountedOp[] = [];
  let armed: { at: number; fault: Fault; persistent: boolean; match?: (op: CountedOp) => boolean } | null = null;
  let fired = 0;

  /**
   * Counts a mutating operation; the fault to apply to it, if any. After the armed one, a
   * persistent fault (a disk that stays full) hits only what needs room: truncating, deleting,
   * renaming and flushing still work on a full disk.
   */
  const check = (op: string, path: string, needsRoom = NEEDS_ROOM.has(op)): Fault | null => {
    if (!MUTATING.has(op)) return null;
    const index = ops.length;
    ops.push({ op, path });
    if (armed?.match?.({ op, path })) armed = { ...armed, at: index, match: undefined };
    if (!armed || index < armed.at || (!armed.persistent && index !== armed.at)) return null;
    if (index > armed.at && !needsRoom) return null;
    fired++;
    const { fault } = armed;
    // A disk that stays full: a write that follows a short one fails outright, as Linux does.
    if (armed.persistent && index > armed.at && fault.kind !== 'error') return { kind: 'error', code: 'ENOSPC' };
    // Only writes can be short; anything else hit by a write fault fails with ENOSPC.
    if (fault.kind !== 'error' && op !== 'handle.write') return { kind: 'error', code: 'ENOSPC' };
    return fault;
  };
  const failIf = (op: string, path: string, needsRoom?: boolean) => {
    const fault = check(op, path, needsRoom);
    if (fault) throw errnoError(fault.kind === 'error' ? fault.code : 'ENOSPC', op, path);
  };

  const wrapHandle = (handle: FileHandle, path: string): FileHandle => {
    const wrapped = {
      get fd() {
        return handle.fd;
      },
      stat: (...args: Parameters<FileHandle['stat']>) => handle.stat(...args),
      read: (...args: unknown[]) => (handle.read.bind(handle) as (...a: unknown[]) => unknown)(...args),
      readFile: (...args: unknown[]) => (handle.readFile.bind(handle) as (...a: unknown[]) => unknown)(...args),
      close: () => handle.close(),
      async sync() {
        failIf('handle.sync', path);
        return handle.sync();
      },
      async datasync() {
        failIf('handle.datasync', path);
        return handle.datasync();
      },
      async truncate(length?: number) {
        failIf('handle.truncate', path);
        return handle.truncate(length);
      },
      async writeFile(data: unknown, options?: unknown) {
        failIf('handle.writeFile', path);
        return (handle.writeFile.bind(handle) as (d: unknown, o?: unknown) => Promise<void>)(data, options);
      },
      async write(data: unknown, ...rest: unknown[]) {
        const fault = check('handle.write', path);
        const write = handle.write.bind(handle) as (d: unknown, ...r: unknown[]) => Promise<{ bytesWritten: number; buffer: unknown }>;
        if (!fault) return write(data, ...rest);
        if (fault.kind === 'error') throw errnoError(fault.code, 'handle.write', path);
        if (typeof data === 'string') {
          // write(string, position, encoding): as the bytes it stands for.
          const [position = null, encoding = 'utf8'] = rest as [(number | null)?, BufferEncoding?];
          const bytes = Buffer.from(data, encoding);
          if (fault.kind === 'stall' || bytes.length <= 1) return { bytesWritten: 0, buffer: data };
          const { bytesWritten } = await write(bytes, 0, Math.floor(bytes.length / 2), position);
          return { bytesWritten, buffer: data };
        }
        if (!ArrayBuffer.isView(data)) throw new Error('faulty fs: writes take a string or a buffer');
        const [offset = 0, length = data.byteLength - offset, position = null] = rest as [number?, number?, (number | null)?];
        if (fault.kind === 'stall' || length <= 1) return { bytesWritten: 0, buffer: data };
        return write(data, offset, Math.floor(length / 2), position);
      },
    };
    return wrapped as unknown as FileHandle;
  };

  const fs = {
    ops,
    get fired() {
      return fired;
    },
    arm(at: number, fault: Fault, persistent = false) {
      armed = { at, fault, persistent };
    },
    armWhen(match: (op: CountedOp) => boolean, fault: Fault, persistent = false) {
      armed = { at: Number.POSITIVE_INFINITY, fault, persistent, match };
    },
    clear() {
      armed = null;
    },
    async open(path: Parameters<Fs['open']>[0], flags?: Parameters<Fs['open']>[1], mode?: Parameters<Fs['open']>[2]) {
      // Creating a file needs room (an inode, a directory entry); opening one to read or append does not.
      failIf('fs.open', pathOf(path), typeof flags === 'string' && /[wa]/.test(flags) && !flags.startsWith('r'));
      return wrapHandle(await base.open(path, flags, mode), pathOf(path));
    },
    async rename(from: Parameters<Fs['rename']>[0], to: Parameters<Fs['rename']>[1]) {
      failIf('fs.rename', pathOf(to));
      return base.rename(from, to);
    },
    async unlink(path: Parameters<Fs['unlink']>[0]) {
      failIf('fs.unlink', pathOf(path));
      return base.unlink(path);
    },
    async writeFile(...args: Parameters<Fs['writeFile']>) {
      failIf('fs.writeFile', pathOf(args[0]));
      return base.writeFile(...args);
    },
    async copyFile(...args: Parameters<Fs['copyFile']>) {
      failIf('fs.copyFile', pathOf(args[1]));
      return base.copyFile(...args);
    },
    async mkdir(...args: Parameters<Fs['mkdir']>) {
      failIf('fs.mkdir', pathOf(args[0]));
      return base.mkdir(...args);
    },
    async link(...args: Parameters<Fs['link']>) {
      failIf('fs.link', pathOf(args[1]));
      return base.link(...args);
    },
    stat: base.stat,
    readFile: base.readFile,
    readdir: base.readdir,
  };
  return fs as unknown as FaultyFs;
}
