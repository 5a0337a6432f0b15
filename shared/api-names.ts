/**
 * The names of the API calls and events, without their schemas, so the sandboxed preload can
 * build one method per call without bundling zod. `shared/api.ts` fails to compile if this list
 * and the contract ever disagree.
 */
import { APP_COMMAND_IDS, type AppCommandId } from './app-commands.js';

export const API_CALL_NAMES = [
  'getBoard',
  'getEngagement',
  'addEngagement',
  'editEngagement',
  'moveEngagement',
  'editHistory',
  'addRound',
  'editRound',
  'useRound',
  'removeRound',
  'getInsight',
  'removeEngagement',
  'addNote',
  'updateNote',
  'removeNote',
  'setActionDone',
  'openActions',
  'addAction',
  'setActionDoneById',
  'palLoad',
  'listPals',
  'addPal',
  'editPal',
  'mergePals',
  'exportCalendar',
  'search',
  'deckPreview',
  'exportDeck',
  'exportAssessment',
  'assessmentPullRequest',
  'editRoundDeck',
  'addDeckImage',
  'backupStore',
  'restoreWay',
  'chooseBackup',
  'restoreBackup',
  'loadExampleRound',
  'removeExampleRound',
  'syncNow',
  'resolveConflict',
  'heldMoves',
  'pushHeldMoves',
  'discoverIssues',
  'addDiscovered',
  'githubStatus',
  'checkSecurity',
  'setGithubToken',
  'clearGithubToken',
  'testGithubToken',
  'setGithubSettings',
  'getSettings',
  'updateSettings',
  'labelRules',
  'setPhaseLabels',
  'previewPhaseLabels',
  'previewLabelRules',
  'needsAttention',
  'saveViewState',
  'saveNamedView',
  'deleteNamedView',
  'setNotifications',
] as const;

export type ApiCallName = (typeof API_CALL_NAMES)[number];

export const API_EVENT_NAMES = ['boardChanged', 'menu', 'syncProgress', 'syncDone', 'openCard'] as const;

/** Commands from the desktop app's menu and shortcuts, delivered as the `menu` event (the list is shared/app-commands.ts). */
export const MENU_COMMANDS = APP_COMMAND_IDS;
export type MenuCommand = AppCommandId;

/** The IPC channel of a call (Electron) — also its HTTP path segment under `/api/`. */
export function channelOf(name: string): string {
  return `pals:${name}`;
}
