/** What a command runs with: its streams, its environment, and the core it calls. */
import type { ApiResponse } from '../../shared/api.js';
import { PalsError, type PalsErrorCode } from '../../shared/errors.js';
import type { Core, Host } from '../core/open-core.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input as text; refuses (PalsError) once more than `max` bytes arrive, without reading on. */
  readonly readStdin: (max: number) => Promise<string>;
  readonly env: NodeJS.ProcessEnv;
  readonly columns?: number;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  readonly untilStopped: () => Promise<void>;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly today: string;
  /** Opens the core lazily, so `--help` and usage errors never touch the disk; `host` adds to the CLI's host. */
  readonly core: (host?: Pick<Host, 'github' | 'watch' | 'store'>) => Promise<Core>;
}

/** The value of a call's answer; a refused call becomes the `error:` line (exit 1). */
export function must<T>(response: ApiResponse<T>): T {
  if (response.ok) return response.value;
  throw new PalsError(response.error.code as PalsErrorCode, response.error.message, response.error.field);
}

/** An id or a name (any case) to the engagement's id. */
export async function idOf(core: Core, ref: string): Promise<string> {
  return must(await core.call('resolveRef', { ref })).id;
}

/** One command: argv after its name, in; output through `ctx.io`. */
export type Command = (argv: string[], ctx: CommandContext) => Promise<void>;
