/** Checks a token with GitHub before it is kept: whose it is and which scopes it has. */
import type { GithubClient } from './client.js';
import type { TokenIdentity } from '../lib/token-source.js';

/** `GET /user`; classic tokens list their scopes in `x-oauth-scopes`, fine-grained ones none. */
export async function whoAmI(client: GithubClient, signal?: AbortSignal): Promise<TokenIdentity> {
  const response = await client.rest.users.getAuthenticated(signal ? { request: { signal } } : {});
  const header = response.headers['x-oauth-scopes'];
  const scopes =
    typeof header === 'string'
      ? header
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  return { login: response.data.login, scopes };
}
