/**
 * The names of the API calls and events, without their schemas, so the sandboxed preload can
 * build one method per call without bundling zod. `shared/api.ts` fails to compile if this list
 * and the contract ever disagree.
 */
export const API_CALL_NAMES = [
  'getBoard',
  'getEngagement',
  'addEngagement',
  'editEngagement',
  'moveEngagement',
  'removeEngagement',
  'addNote',
  'updateNote',
  'removeNote',
  'setActionDone',
  'openActions',
  'search',
  'deckPreview',
  'exportDeck',
  'exportAssessment',
  'loadExampleRound',
  'removeExampleRound',
  'syncNow',
  'resolveConflict',
  'discoverIssues',
  'addDiscovered',
  'githubStatus',
  'setGithubToken',
  'clearGithubToken',
  'setGithubSettings',
] as const;

export type ApiCallName = (typeof API_CALL_NAMES)[number];

export const API_EVENT_NAMES = ['boardChanged', 'menu', 'syncProgress'] as const;

/** Commands from the desktop app's menu and shortcuts, delivered as the `menu` event. */
export const MENU_COMMANDS = ['new-engagement', 'search', 'show-board', 'show-actions'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC channel of a call (Electron) — also its HTTP path segment under `/api/`. */
export function channelOf(name: string): string {
  return `pals:${name}`;
}
