/**
 * Where the core gets the GitHub token: the desktop app's vault (electron/shell/token-vault.ts)
 * or, for the CLI and `pals serve`, the GITHUB_TOKEN environment variable. The token leaves a
 * source only towards GitHub; what the UI may learn is `TokenStatus`.
 */

/** Who the token belongs to and what it may do, as GitHub told us when it was saved. */
export interface TokenIdentity {
  readonly login: string | null;
  readonly scopes: readonly string[];
}

/** What the renderer may know: never the token itself. */
export interface TokenStatus extends TokenIdentity {
  readonly set: boolean;
  /** The OS has no secret store (Linux `basic_text`): the token is only obfuscated on disk. */
  readonly insecure: boolean;
}

/** A place the token is kept. `save` and `clear` exist only where the user can change it (the app). */
export interface TokenSource {
  readonly token: () => Promise<string | null>;
  readonly status: () => Promise<TokenStatus>;
  readonly save?: (token: string, identity: TokenIdentity, options: { readonly allowInsecure: boolean }) => Promise<TokenStatus>;
  readonly clear?: () => Promise<TokenStatus>;
  /** What to tell the user when there is no token (where this host looks for one). */
  readonly missing?: string;
}

/** The token from `$GITHUB_TOKEN` (the CLI and `pals serve`); read-only. `missing` says how to set it. */
export function envTokenSource(env: NodeJS.ProcessEnv, missing?: string): TokenSource {
  const token = () => env.GITHUB_TOKEN?.trim() || null;
  return {
    ...(missing ? { missing } : {}),
    token: () => Promise.resolve(token()),
    status: () => Promise.resolve({ set: token() !== null, login: null, scopes: [], insecure: false }),
  };
}

/** No token anywhere (a host that was not given a source). */
export const NO_TOKEN: TokenSource = {
  token: () => Promise.resolve(null),
  status: () => Promise.resolve({ set: false, login: null, scopes: [], insecure: false }),
};
