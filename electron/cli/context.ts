/** What a command runs with: its streams and environment. */

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly env: NodeJS.ProcessEnv;
  readonly columns?: number;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  readonly untilStopped: () => Promise<void>;
}
