/**
 * Builds the client side of the API from a transport's `invoke` and `on`: one method per call,
 * derived from the name list, so the preload and the HTTP client never spell a call by hand.
 */
import { API_CALL_NAMES, type ApiCallName } from './api-names.js';
import type { ApiArgs, ApiResponse, ApiResult, PalsApi } from './api.js';

export type Invoke = (name: ApiCallName, args: unknown) => Promise<ApiResponse<unknown>>;

/** The `PalsApi` object for a transport. */
export function makeClient(invoke: Invoke, on: PalsApi['on']): PalsApi {
  const methods = Object.fromEntries(API_CALL_NAMES.map((name) => [name, (args: unknown) => invoke(name, args)])) as {
    [K in ApiCallName]: (args: ApiArgs<K>) => Promise<ApiResponse<ApiResult<K>>>;
  };
  return { ...methods, on };
}
