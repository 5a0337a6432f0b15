/**
 * Pals are people: one pal however a card, a filter or a command spells the name ("alice chen" is
 * "Alice Chen"), with a GitHub login, their own soft limit and an e-mail (`pals pal …`, the Pals
 * dialog). The registry holds the pals someone described; a name only written on a card is a pal
 * too, with nothing recorded yet.
 */
import { PalsError } from './errors.js';
import { nameKey } from './name-key.js';
import { GithubLoginSchema, type Applied, type Engagement, type PalRecord, type StoreDoc } from './schema.js';

/** A pal as `pal list` shows them: the registry's record, or a card's name with nothing recorded. */
export interface PalEntry {
  readonly name: string;
  readonly login: string | null;
  /** The soft limit in force (their own, else the settings' palLimit). */
  readonly limit: number;
  /** Their own limit, or null when the settings' palLimit applies. */
  readonly ownLimit: number | null;
  readonly email: string | null;
  /** False for a name only written on cards. */
  readonly registered: boolean;
}

/** What `pal add` and `pal edit` may set (a left-out field stays). */
export interface PalPatch {
  readonly name?: string;
  readonly login?: string | null;
  readonly limit?: number | null;
  readonly email?: string | null;
}

/** How a name is written once settled: trimmed, inner spaces squeezed. */
export function tidyName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** What the directory reads: the settings, and each card's pals (a board's cards do as well as the records). */
export interface PalSources {
  readonly settings: Pick<StoreDoc['settings'], 'pals' | 'palLimit'>;
  readonly engagements: readonly { readonly pals: readonly string[] }[];
}

/** Every pal: the registry, then each name on a card that no record covers; sorted by name. */
export function palDirectory(doc: PalSources): PalEntry[] {
  const fallback = doc.settings.palLimit;
  const byKey = new Map<string, PalEntry>();
  for (const p of doc.settings.pals) {
    byKey.set(nameKey(p.name), {
      name: p.name,
      login: p.login,
      limit: p.limit ?? fallback,
      ownLimit: p.limit,
      email: p.email,
      registered: true,
    });
  }
  for (const e of doc.engagements) {
    for (const pal of e.pals) {
      const key = nameKey(pal);
      if (!byKey.has(key))
        byKey.set(key, { name: tidyName(pal), login: null, limit: fallback, ownLimit: null, email: null, registered: false });
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The pal a name means (ignoring case and spacing), or undefined. */
export function findPalEntry(doc: StoreDoc, name: string): PalEntry | undefined {
  const key = nameKey(name);
  return palDirectory(doc).find((p) => nameKey(p.name) === key);
}

function mustFind(doc: StoreDoc, ref: string): PalEntry {
  const found = findPalEntry(doc, ref);
  if (!found) throw new PalsError('not-found', `no pal is called "${tidyName(ref)}"; \`pals pal list\` lists them`, 'pal');
  return found;
}

/** The spelling a name settles on: the known pal's, else the name tidied. */
export function canonicalPal(doc: StoreDoc, name: string): string {
  return findPalEntry(doc, name)?.name ?? tidyName(name);
}

/** A card's pals in their known spellings, each once. */
export function canonicalPals(doc: StoreDoc, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const pal = canonicalPal(doc, name);
    if (!out.some((p) => nameKey(p) === nameKey(pal))) out.push(pal);
  }
  return out;
}

/** Letters and digits only, without accents: "Alice-Chen", "alice chen" and "Alíce Chen" look alike. */
function looseKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The first letter of each word ("Alice-Chen Wu" → "acw"), accents and case aside. */
function initials(name: string): string {
  return name
    .split(/[\s\-_.]+/)
    .map((w) => looseKey(w).charAt(0))
    .join('');
}

/** Edit distance, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Known pals a new name may be a second spelling of (punctuation, accents or a typo apart), to
 * offer merging: "Alice-Chen" or "Alice Chenn" beside "Alice Chen". A name that is already a pal
 * has none; two people who share a surname are not look-alikes.
 */
export function lookAlikes(known: readonly string[], name: string): string[] {
  const key = nameKey(name);
  if (known.some((k) => nameKey(k) === key)) return [];
  const loose = looseKey(name);
  if (loose === '') return [];
  // One letter apart, in a long name with the same initials: "Alice Chenn" is "Alice Chen", but in a
  // class of students "Ana Okafor" and "Hana Okafor" are two people.
  const max = loose.length >= 8 ? 1 : 0;
  return known.filter((k) => {
    const other = looseKey(k);
    if (other === loose) return true;
    return max > 0 && initials(k) === initials(name) && distance(other, loose, max) <= max;
  });
}

/** Each pal's GitHub login by name (what the assignee check and the GitHub section read). */
export function palLogins(records: readonly PalRecord[]): Record<string, string> {
  return Object.fromEntries(records.filter((p) => p.login !== null).map((p) => [p.name, p.login!]));
}

/** A login as typed ("@alice", " alice ") → "alice"; '' clears it; anything else that is no GitHub login is refused. */
function tidyLogin(login: string | null | undefined): string | null | undefined {
  if (login === undefined || login === null) return login;
  const bare = login.trim().replace(/^@/, '');
  if (bare === '') return null;
  if (!GithubLoginSchema.safeParse(bare).success) {
    throw new PalsError('invalid-input', `"${login}" is not a GitHub login (letters, digits and dashes)`, 'login');
  }
  return bare;
}

function record(entry: PalEntry): PalRecord {
  return { name: entry.name, login: entry.login, limit: entry.ownLimit, email: entry.email };
}

function withPal(doc: StoreDoc, key: string, next: PalRecord | null): StoreDoc {
  const others = doc.settings.pals.filter((p) => nameKey(p.name) !== key);
  return { ...doc, settings: { ...doc.settings, pals: next ? [...others, next] : others } };
}

/** Renames every mention of the pal `key` (cards, action owners, attendees) to `to`; a card listing both keeps one. */
function renameEverywhere(doc: StoreDoc, key: string, to: string, at: string): StoreDoc {
  const same = (name: string) => nameKey(name) === key;
  const engagements = doc.engagements.map((e): Engagement => {
    const touched =
      e.pals.some(same) || e.notes.some((n) => n.attendees.some(same) || n.actions.some((a) => a.owner !== null && same(a.owner)));
    if (!touched) return e;
    const pals: string[] = [];
    for (const p of e.pals.map((p) => (same(p) ? to : p))) if (!pals.some((q) => nameKey(q) === nameKey(p))) pals.push(p);
    const notes = e.notes.map((n) => ({
      ...n,
      attendees: [...new Set(n.attendees.map((a) => (same(a) ? to : a)))],
      actions: n.actions.map((a) => (a.owner !== null && same(a.owner) ? { ...a, owner: to } : a)),
    }));
    return { ...e, pals, notes, updatedAt: at };
  });
  return { ...doc, engagements };
}

/** Registers a pal (a name already on cards takes this spelling there too); refuses one already registered. */
export function addPal(doc: StoreDoc, name: string, patch: Omit<PalPatch, 'name'>, at: string): Applied<PalEntry> {
  const tidy = tidyName(name);
  if (tidy === '') throw new PalsError('invalid-input', 'a pal needs a name', 'name');
  const known = findPalEntry(doc, tidy);
  if (known?.registered) throw new PalsError('duplicate', `"${known.name}" is already a pal; change them with \`pals pal edit\``, 'name');
  const entry: PalEntry = {
    name: tidy,
    login: tidyLogin(patch.login) ?? null,
    limit: patch.limit ?? doc.settings.palLimit,
    ownLimit: patch.limit ?? null,
    email: patch.email ?? null,
    registered: true,
  };
  let next = withPal(doc, nameKey(tidy), record(entry));
  if (known && known.name !== tidy) next = renameEverywhere(next, nameKey(tidy), tidy, at);
  return { doc: next, value: entry };
}

/** Changes a pal (a name only on cards gets a record); a new name is written everywhere the pal is named. */
export function editPal(doc: StoreDoc, ref: string, patch: PalPatch, at: string): Applied<PalEntry> {
  const current = mustFind(doc, ref);
  const name = patch.name === undefined ? current.name : tidyName(patch.name);
  if (name === '') throw new PalsError('invalid-input', 'a pal needs a name', 'name');
  const other = findPalEntry(doc, name);
  if (other && nameKey(other.name) !== nameKey(current.name)) {
    throw new PalsError(
      'duplicate',
      `"${other.name}" is another pal; to make them one, use \`pals pal merge "${current.name}" "${other.name}"\``,
      'name',
    );
  }
  const ownLimit = patch.limit === undefined ? current.ownLimit : patch.limit;
  const entry: PalEntry = {
    name,
    login: patch.login === undefined ? current.login : (tidyLogin(patch.login) ?? null),
    limit: ownLimit ?? doc.settings.palLimit,
    ownLimit,
    email: patch.email === undefined ? current.email : patch.email,
    registered: true,
  };
  let next = withPal(doc, nameKey(current.name), null);
  next = withPal(next, nameKey(name), record(entry));
  if (name !== current.name) next = renameEverywhere(next, nameKey(current.name), name, at);
  return { doc: next, value: entry };
}

/**
 * Makes two pals one: every card, note and action item of FROM becomes INTO's; INTO keeps its
 * record and takes what FROM had recorded where INTO had nothing.
 */
export function mergePals(doc: StoreDoc, fromRef: string, intoRef: string, at: string): Applied<PalEntry> {
  const from = mustFind(doc, fromRef);
  const into = mustFind(doc, intoRef);
  if (nameKey(from.name) === nameKey(into.name))
    throw new PalsError('invalid-input', `"${from.name}" and "${into.name}" are the same pal`, 'pal');
  const ownLimit = into.ownLimit ?? from.ownLimit;
  const entry: PalEntry = {
    name: into.name,
    login: into.login ?? from.login,
    limit: ownLimit ?? doc.settings.palLimit,
    ownLimit,
    email: into.email ?? from.email,
    registered: into.registered || from.registered,
  };
  let next = withPal(doc, nameKey(from.name), null);
  if (entry.registered) next = withPal(next, nameKey(into.name), record(entry));
  next = renameEverywhere(next, nameKey(from.name), into.name, at);
  return { doc: next, value: entry };
}

/**
 * Replaces every pal's login with `logins` (pal name → login; a pal left out or given '' has none),
 * as `pals settings --pal-login` and Settings → GitHub send them; refuses a name that is no pal.
 */
export function setPalLogins(doc: StoreDoc, logins: Readonly<Record<string, string>>): StoreDoc {
  const wanted = new Map<string, string | null>();
  for (const [pal, login] of Object.entries(logins)) {
    const entry = findPalEntry(doc, pal);
    if (!entry) throw new PalsError('not-found', `no pal is called "${tidyName(pal)}"; add them with \`pals pal add\` first`, 'palLogins');
    wanted.set(nameKey(entry.name), tidyLogin(login) ?? null);
  }
  let next = doc;
  for (const entry of palDirectory(doc)) {
    const login = wanted.get(nameKey(entry.name)) ?? null;
    if (login !== entry.login) next = withPal(next, nameKey(entry.name), record({ ...entry, login }));
  }
  return next;
}
