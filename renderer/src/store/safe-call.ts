import type { ApiResponse } from '../../../shared/api.js';

/** Runs an API call; a transport that throws (a broken bridge) becomes a failure value too. */
export async function safeCall<T>(run: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  try {
    return await run();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'transport', message: `the core did not answer (${why}); the change was not made` } };
  }
}
