/**
 * Changing the desk's settings (`pals settings`, Settings → GitHub): due-soon days, a pal's soft
 * limit, the GitHub API address, write-back for the current round, and each pal's GitHub login.
 * One patch, validated as a whole before anything changes.
 */
import { z } from 'zod';
import type { Applied } from './engagements.js';
import { PalsError } from './errors.js';
import { apiUrlProblem } from './issue-ref.js';
import { palLogins, setPalLogins } from './pals.js';
import { SettingsSchema, type Settings, type StoreDoc } from './schema.js';

/** Where GitHub's REST API is when the settings name none (GitHub Enterprise and tests name one). */
export const DEFAULT_API_URL = 'https://api.github.com';

const shape = SettingsSchema.shape;

/** A settings change; a field left out stays. `apiUrl: null` goes back to api.github.com. */
export const SettingsPatchSchema = z.strictObject({
  dueSoonDays: shape.dueSoonDays.unwrap().optional(),
  palLimit: shape.palLimit.unwrap().optional(),
  apiUrl: z.string().trim().max(2_000).nullable().optional(),
  /** Write-back for the current round (each round has its own switch). */
  writeBack: z.boolean().optional(),
  /** Pal name → GitHub login; the whole map is replaced. An empty login removes the pal's entry. */
  palLogins: z.record(z.string().min(1).max(200), z.string().max(39)).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** What `pals settings --json` and the settings page show: the stored settings, the API resolved, the round's switch. */
export interface SettingsView {
  readonly currentRound: string;
  readonly dueSoonDays: number;
  readonly palLimit: number;
  /** The API address in use (the stored one, else https://api.github.com). */
  readonly apiUrl: string;
  /** Write-back of the current round. */
  readonly writeBack: boolean;
  readonly palLogins: Readonly<Record<string, string>>;
  readonly lastSync: Settings['lastSync'];
}

/** The view of the document's settings. */
export function settingsView(doc: StoreDoc): SettingsView {
  const s = doc.settings;
  const round = doc.rounds.find((r) => r.id === s.currentRound);
  return {
    currentRound: s.currentRound,
    dueSoonDays: s.dueSoonDays,
    palLimit: s.palLimit,
    apiUrl: s.apiUrl ?? DEFAULT_API_URL,
    writeBack: round?.writeBack ?? false,
    palLogins: palLogins(s.pals),
    lastSync: s.lastSync,
  };
}

/** The stored form of an API address: null for the default, else a checked URL without a trailing slash. */
function storedApiUrl(text: string | null): string | null {
  if (text === null || text === '') return null;
  const problem = apiUrlProblem(text);
  if (problem) throw new PalsError('invalid-input', `the GitHub API address ${problem}`, 'apiUrl');
  const url = text.replace(/\/+$/, '');
  return url === DEFAULT_API_URL ? null : url;
}

/**
 * The address a patch would newly send the GitHub token to, else null (no change). Going back to
 * api.github.com (`apiUrl: null` or `''`) from an Enterprise address is a change like any other:
 * that server's token would go to github.com. A page may not make such a change on its own (see
 * the core's `dispatch`).
 */
export function newApiAddress(doc: StoreDoc, patch: SettingsPatch): string | null {
  if (patch.apiUrl === undefined) return null;
  const next = storedApiUrl(patch.apiUrl);
  if (next === doc.settings.apiUrl) return null;
  return next ?? DEFAULT_API_URL;
}

/**
 * A restored store keeps this machine's API address: where the token goes is not a backup
 * file's to decide (a backup from elsewhere, or a hostile one, could name any https host).
 */
export function keepApiAddress(restored: StoreDoc, current: StoreDoc): StoreDoc {
  const apiUrl = current.settings.apiUrl;
  return restored.settings.apiUrl === apiUrl ? restored : { ...restored, settings: { ...restored.settings, apiUrl } };
}

/** Applies a validated patch. */
export function updateSettings(doc: StoreDoc, patch: SettingsPatch): Applied<SettingsView> {
  let settings: Settings = { ...doc.settings };
  if (patch.dueSoonDays !== undefined) settings.dueSoonDays = patch.dueSoonDays;
  if (patch.palLimit !== undefined) settings.palLimit = patch.palLimit;
  if (patch.apiUrl !== undefined) settings.apiUrl = storedApiUrl(patch.apiUrl);
  if (patch.palLogins !== undefined) {
    // Logins live in the pal registry now: a name that is no pal is refused there.
    settings = { ...settings, pals: setPalLogins({ ...doc, settings }, patch.palLogins).settings.pals };
  }
  const rounds =
    patch.writeBack === undefined
      ? doc.rounds
      : doc.rounds.map((r) => (r.id === settings.currentRound ? { ...r, writeBack: patch.writeBack! } : r));
  const changed = rounds !== doc.rounds || (Object.keys(settings) as (keyof Settings)[]).some((k) => settings[k] !== doc.settings[k]);
  const next = changed ? { ...doc, settings, rounds } : doc;
  return { doc: next, value: settingsView(next) };
}
