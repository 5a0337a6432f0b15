/**
 * Requests the desk never sends, whatever built them: `DELETE /repos/{o}/{r}/issues/{n}/labels`
 * (GitHub's "remove every label" route) and `PUT` on it ("replace every label"). Write-back adds
 * one label and removes labels one by one; a label name that collapses to nothing in a path
 * (`.`, `%2e`) must fail, not wipe an issue's labels. Wraps the fetch given to Octokit
 * (client.ts), below everything else.
 */
import { TransportError } from './errors.js';

const ALL_LABELS = /\/issues\/\d+\/labels\/?$/;

/** `base` refusing, unsent, any request that would remove or replace all of an issue's labels. */
export function refuseLabelWipe(base: typeof fetch): typeof fetch {
  return (input, init = {}) => {
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method === 'DELETE' || method === 'PUT') {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      let path = '';
      try {
        path = new URL(url).pathname;
      } catch {
        // Not a URL: the fetch below refuses it.
      }
      if (ALL_LABELS.test(path)) {
        return Promise.reject(
          new TransportError(
            'refused',
            `the desk never removes or replaces every label of an issue (${method} …/labels); nothing was sent`,
          ),
        );
      }
    }
    return base(input, init);
  };
}
