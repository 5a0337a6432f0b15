/** Where GitHub's REST API is unless a host says otherwise (GitHub Enterprise, a loopback stand-in). */
export const DEFAULT_API_URL = 'https://api.github.com';
