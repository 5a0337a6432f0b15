/**
 * The desktop app's "Needs attention" notification: the core's digest (the board's region,
 * `pals due`) shown when the app starts and once on each new day while it runs, unless the
 * settings turn it off. Showing is the shell's (an Electron Notification); this file decides when.
 */
import { digestText } from '../../shared/attention.js';
import type { Core } from '../core/open-core.js';

/** How often the app looks whether a new day began (the digest itself shows once a day). */
const EVERY_MS = 30 * 60_000;

/** What the shell shows: the digest's title and lines, and the card a click opens. */
export interface DigestNotice {
  readonly title: string;
  readonly body: string;
  /** The most pressing item's engagement. */
  readonly firstId: string;
}

export interface DailyDigestOptions {
  readonly call: Core['call'];
  readonly show: (notice: DigestNotice) => void;
  readonly everyMs?: number;
}

/** The running digest: `check` shows it if today's is not shown yet (and answers whether it did). */
export interface DailyDigest {
  readonly check: () => Promise<boolean>;
  readonly stop: () => void;
}

/** Starts the daily check (the first `check` is the caller's, once its window is up). */
export function startDailyDigest({ call, show, everyMs = EVERY_MS }: DailyDigestOptions): DailyDigest {
  let shownOn: string | null = null;
  let running: Promise<boolean> | null = null;
  const once = async (): Promise<boolean> => {
    const board = await call('getBoard', {});
    if (!board.ok || !board.value.settings.notifications || shownOn === board.value.today) return false;
    const digest = await call('needsAttention', {});
    if (!digest.ok) return false;
    shownOn = digest.value.today;
    const text = digestText(digest.value.items);
    const first = digest.value.items[0];
    if (!text || !first) return false; // nothing due: a quiet day needs no notification
    show({ ...text, firstId: first.id });
    return true;
  };
  const check = () => (running ??= once().finally(() => (running = null)));
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return {
    check,
    stop: () => {
      clearInterval(timer);
    },
  };
}

const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The notice as the system is given it. Linux notification servers read the body as markup
 * (`<a href>` a link to click, `<img src>` a picture fetched from anywhere), and the lines hold
 * anyone's words (a project named from a GitHub issue's title): there `&`, `<` and `>` are
 * escaped, so they show as the characters they are. Other systems show the body as plain text.
 */
export function systemNotice(notice: DigestNotice, platform: NodeJS.Platform): { readonly title: string; readonly body: string } {
  const body = platform === 'linux' ? notice.body.replace(/[&<>]/g, (c) => MARKUP[c]!) : notice.body;
  return { title: notice.title, body };
}
