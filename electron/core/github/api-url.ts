/** Where GitHub's REST API is unless a host or the settings say otherwise (one definition, in shared/). */
export { DEFAULT_API_URL } from '../../../shared/settings-update.js';
