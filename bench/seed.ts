/**
 * Seeded synthetic store documents of a realistic shape: project names, pals and contacts,
 * a tracking issue, ten meeting notes of a few hundred characters of markdown, phase history.
 */
import type { z } from 'zod';
import { PHASES, type Phase } from '../shared/phases.js';
import {
  emptyDoc,
  MATURITIES,
  NOTE_KINDS,
  StoreDocSchema,
  type EngagementSchema,
  type NoteSchema,
  type PhaseChange,
  type StoreDoc,
} from '../shared/schema.js';
import { createRng, type Rng } from './prng.js';

const PREFIXES = ['Kube', 'Cloud', 'Flux', 'Open', 'Trust', 'Spire', 'Hyper', 'Nimbus', 'Harbor', 'Cilium', 'Keda', 'Dapr', 'Tekton'];
const SUFFIXES = ['Guard', 'Mesh', 'Vault', 'Scan', 'Policy', 'Gate', 'Relay', 'Forge', 'Lens', 'Beacon', 'Shield', 'Proxy', 'Sync'];
const KINDS = ['', ' Operator', ' Controller', ' CLI', ' SDK', ' Registry', ' Agent'];
const FIRST = ['Ana', 'Bram', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Noor', 'Oskar'];
const LAST = ['Silva', 'de Vries', 'Wang', 'Okafor', 'Haddad', 'Novak', 'Sato', 'Mensah', 'Costa', 'Berg', 'Khan', 'Rossi', 'Ivanova'];
const ROLES = ['maintainer', 'security lead', 'release manager', 'contributor', null];
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const SENTENCES = [
  'Walked through the threat model draft and agreed on the trust boundaries between the API server and the agents.',
  'The maintainers want the self-assessment to cover the supply chain: signed releases, SBOMs and provenance.',
  'Secrets are read from the environment today; we suggested documenting the rotation story.',
  'Default configuration exposes the metrics endpoint without authentication, which needs a note.',
  'Most contributors come from two companies, so the bus factor section deserves care.',
  'They already run fuzzing in OSS-Fuzz for the parser; coverage numbers are in the README.',
  'Agreed to split the draft: maintainers write the architecture section, pals review the security functions.',
  'Dependency updates are automated with Renovate and reviewed by at least one maintainer.',
  'Asked whether the admission webhook fails open or closed; they will check and reply on the issue.',
  'The project has a SECURITY.md but no documented embargo process for coordinated disclosure.',
];
const ACTIONS = ['share the architecture diagram', 'open a PR with the draft', 'confirm the disclosure contact', 'review the threat model'];

// Seeds are schema *inputs*: fields the schema defaults (added by later versions) need not be listed here.
type Engagement = z.input<typeof EngagementSchema>;
type Note = z.input<typeof NoteSchema>;

function uniqueId(rng: Rng, taken: Set<string>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 8; i++) id += ALPHABET.charAt(rng.int(0, ALPHABET.length - 1));
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function person(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function markdown(rng: Rng, title: string, attendees: readonly string[]): string {
  const target = rng.int(250, 550);
  let text = `## ${title}\n\n**Attendees:** ${attendees.join(', ')}\n\n`;
  while (text.length < target) text += `- ${rng.pick(SENTENCES)}\n`;
  return `${text}\n### Actions\n- [ ] ${rng.pick(FIRST)}: ${rng.pick(ACTIONS)}\n`;
}

function note(rng: Rng, id: string, day: number, base: number): Note {
  const kind = rng.pick(NOTE_KINDS);
  const at = new Date(base + day * 86_400_000).toISOString();
  const attendees = Array.from({ length: rng.int(2, 5) }, () => person(rng));
  return {
    id,
    kind,
    date: at.slice(0, 10),
    createdAt: at,
    updatedAt: at,
    text: markdown(rng, `${kind} ${at.slice(0, 10)}`, attendees),
    attendees,
    actions: rng.chance(0.5) ? [{ id: `${id}-a1`, text: rng.pick(ACTIONS), owner: rng.pick(FIRST), done: rng.chance(0.5) }] : [],
  };
}

function history(rng: Rng, base: number): { phase: Phase; changes: PhaseChange[] } {
  const steps = rng.int(0, PHASES.length - 1);
  const changes: PhaseChange[] = [{ from: null, to: 'intake', at: new Date(base).toISOString(), source: 'local' }];
  for (let i = 1; i <= steps; i++) {
    changes.push({ from: PHASES[i - 1]!, to: PHASES[i]!, at: new Date(base + i * 7 * 86_400_000).toISOString(), source: 'local' });
  }
  return { phase: PHASES[steps]!, changes };
}

function engagement(rng: Rng, index: number, ids: Set<string>, names: Set<string>, notesPer: number): Engagement {
  const id = uniqueId(rng, ids);
  let name = `${rng.pick(PREFIXES)}${rng.pick(SUFFIXES)}${rng.pick(KINDS)}`;
  if (names.has(name.toLowerCase())) name = `${name} ${index}`;
  names.add(name.toLowerCase());
  const base = Date.UTC(2025, 0, 6) + rng.int(0, 600) * 86_400_000;
  const { phase, changes } = history(rng, base);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const issue = 1000 + index;
  const created = new Date(base).toISOString();
  return {
    id,
    name,
    maturity: rng.pick(MATURITIES),
    repo: `https://github.com/${slug}/${slug}`,
    kickoff: created.slice(0, 10),
    phase,
    onHold: rng.chance(0.05),
    round: 'default',
    pals: Array.from({ length: rng.int(1, 3) }, () => person(rng)),
    contacts: [{ name: person(rng), github: slug.slice(0, 39), email: `security@${slug}.example.org`, role: rng.pick(ROLES) }],
    github: {
      issue: `cncf/tag-security#${issue}`,
      url: `https://github.com/cncf/tag-security/issues/${issue}`,
      kind: 'issue',
      state: 'open',
      title: `[Security Pals] ${name}`,
      labels: ['security-pals'],
      assignees: [],
      milestone: null,
      comments: rng.int(0, 40),
      updatedAt: created,
      syncedAt: created,
      etag: null,
      suggestedPhase: null,
      conflict: null,
      error: null,
    },
    notes: Array.from({ length: notesPer }, (_, j) => note(rng, `${id}-n${j}`, j * 5, base)),
    selection: 'Selected for the round because the project is applying for incubation and asked for help.',
    reaction: '',
    learnings: rng.chance(0.3) ? ['Start the threat model before the meet & greet.'] : [],
    hours: rng.chance(0.5) ? rng.int(1, 60) : null,
    retro: { worked: '', didnt: '', improve: '', more: '', less: '' },
    history: changes,
    createdAt: created,
    updatedAt: changes.at(-1)!.at,
  };
}

/** Builds a valid store document (parsed by StoreDocSchema) of `count` engagements × `notesPer` notes; same seed, same document. */
export function seedDoc(count: number, seed: number, notesPer = 10): StoreDoc {
  const rng = createRng(seed);
  const ids = new Set<string>();
  const names = new Set<string>();
  const engagements = Array.from({ length: count }, (_, i) => engagement(rng, i, ids, names, notesPer));
  return StoreDocSchema.parse({ ...emptyDoc(), engagements });
}
