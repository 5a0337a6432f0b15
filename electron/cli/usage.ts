/** Help text and the usage error (exit 2) of the `pals` command line. */

/** A command line that does not fit the contract; printed as `error:` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: pals [--data DIR] COMMAND [options]

Security Pals Desk on the command line: the same engagements as the desktop app.

Commands:
  add --name NAME [--maturity sandbox|incubating|graduated|archived] [--repo URL]
      [--kickoff YYYY-MM-DD] [--pal NAME]... [--issue OWNER/REPO#N|ISSUE_URL]
      [--round ROUND] [--security none|some-docs|self-assessment|audited|unknown]
      [--priority 0-5] [--sponsor TEXT] [--sponsor-link URL]
                              add an engagement (to the current round unless --round);
                              prints its id; --security..--sponsor-link: intake criteria
                              (the selection score in list --json); also on edit
  list [--json] [--view NAME] every engagement (--json: with due state); --view: only
                              what a view saved on the board shows
  show REF [--json]           one engagement; REF is an id or a name (any case)
  move REF PHASE [--on YYYY-MM-DD]
                              PHASE: intake meet-greet follow-up draft review done;
                              --on: the day it happened (not after today, not before the
                              previous move)
  edit REF [--name ..] [--kickoff ..] [--maturity ..] [--issue ..] [--repo ..]
           [--pal NAME]... [--reaction TEXT] [--learning TEXT]... [--hours N]
           [--hold yes|no] [--retro-worked|--retro-didnt|--retro-improve|
           --retro-more|--retro-less TEXT] [--round ROUND] [--security ..]
           [--priority 0-5] [--sponsor TEXT] [--sponsor-link URL]
                              --round moves it to another round (recorded);
                              --pal replaces the pals, --learning adds one (tag it
                              with a leading [tag], e.g. "[timebox] …"); an empty
                              value ('') clears kickoff, issue, repo, hours; an issue
                              or PR another card links is refused (one card each)
  note REF [--kind meet-greet|follow-up|general] [--date YYYY-MM-DD]
           [--attendee NAME]... [--action TEXT]...
           (--text TEXT | --file PATH)   add a meeting note (--file - reads stdin)
  board                       a text board, one column per phase
  round list [--json]         the rounds: [{id, name, windows {PHASE: {start, end}}, current}]
  round add NAME [--like ROUND] [--weeks PHASE=N|N-M,..] [--use] [--carry-over]
                              start a round (windows like ROUND's, then --weeks); --use
                              makes it current; --carry-over moves the current round's
                              unfinished engagements into it (each keeps its history)
  round edit ROUND [--name ..] [--weeks ..] [--benefit TEXT]... [--next-step TEXT]...
           [--takeaway TEXT]...  rename, re-window (e.g. --weeks follow-up=3,draft=5-6),
                              add to the round's benefits, next steps, takeaways
  round use ROUND             new engagements (add, discover --add) join ROUND
  round remove ROUND [--move-to ROUND]
                              refused while it holds engagements, unless --move-to
                              ROUND: an id or a name (any case)
  insight [--json] [--round ROUND]
                              per round: engagements, done, share on time, median days
                              per phase vs planned, hours; per pal: engagements per round
  due [--json] [--within DAYS]
                              what needs attention: phase windows and open action items
                              due within DAYS (default: the due-soon setting) or overdue;
                              --json: [{kind: phase|action, engagement, what, due, state}]
  action REF --text TEXT [--owner NAME] [--due YYYY-MM-DD]
                              an action item for REF (in its "Action items" note); prints
                              its id; an owner who is no pal is allowed (and marked)
  action done ID | action undone ID
                              tick an action item off (or back on) by its id
  pal list [--json]           every pal once (however cards spell them): [{name, login,
                              limit, email}]; names match ignoring case and spacing
                              everywhere (--pal, --owner, filters, load)
  pal add NAME [--login L] [--limit N] [--email E]
                              register a pal (a look-alike of a known pal is pointed out)
  pal edit PAL [--name ..] [--login ..] [--limit N] [--email ..]
                              a new name is written on every card, note and action item;
                              --limit '' goes back to the settings' limit
  pal merge FROM INTO         every card, note and action item of FROM becomes INTO's
  load [--json]               per pal: active engagements (neither intake nor done nor
                              on hold) against the limit (settings --pal-limit);
                              --json: [{pal, active, limit, over, overdue}]
  backup --out FILE           write the whole store as JSON
  restore FILE                validate FILE and make it the store (the old one is kept in backups/)
  serve [--port N] [--no-open] [--api-url URL] [--scorecard-url URL]
                              the app's UI in a browser, on 127.0.0.1 only; the first
                              line printed is the address to open: it opens once (another
                              tab of that browser: http://127.0.0.1:PORT/; another
                              browser: "Another window" on the board)
  export deck [--format md|html|pdf|pptx] [--out FILE] [--only REF,REF..] [--title T]
              [--theme gaia|default|uncover] [--round ROUND] [--sections NAME,NAME..]
                              the retrospective deck (Marp); without --out, md/html
                              go to stdout; md with --out writes charts to deck-images/;
                              pdf and pptx need Chromium (pptx: one picture per slide,
                              speaker notes from the slide comments); --sections: exactly
                              these, in this order: concept, projects, reactions,
                              learnings, timebox, buyIn, benefits, nextSteps, retro, or a
                              custom slide's id (slide-1, image-1; see the deck view);
                              default: the round's own order and choice
  export assessment REF [--out FILE] [--pr]
                              a self-assessment starter for one engagement, following
                              TAG Security's template; --pr: the pull request description
                              for adding it to the project's repository
  export ics [--out FILE] [--pal NAME]
                              a calendar (RFC 5545): an all-day event per remaining phase
                              window end and per open action item with a due date; --pal:
                              that pal's engagements and items; stdout without --out
  sync [--api-url URL] [--json] [--push-held]
                              update linked engagements from their GitHub issues and the
                              self-assessment PRs' progress (token from $GITHUB_TOKEN; API:
                              --api-url, else the settings', else https://api.github.com);
                              --json prints {checked, updated, unchanged, failed, rateLimit},
                              and held: [{ref, name, issue, round, local, remote}] when moves
                              made while write-back was off wait (their issues keep their
                              labels; switching write-back on sends none); --push-held sends
                              them with this sync (--json adds pushed: the ones it queued)
  conflicts [--json]          the cards whose phase GitHub's labels disagree with (both
                              moved since the last sync); --json: [{ref, name, local,
                              remote, since}] (ref: the card's id; local: its phase now)
  resolve REF --keep-mine|--take-github
                              settle a conflict: keep the card's phase (write-back, when
                              on, sets its label on GitHub) or move it to GitHub's
  labels [--json]             the current round's label -> phase rules
  labels set PHASE LABEL[,LABEL..] [--dry-run] [--json]
                              the labels that mean PHASE (the first is the one write-back
                              sets); a label that already means another phase is refused;
                              --dry-run saves nothing and lists the cards the next sync
                              would move (--json: {rules, moves: [{ref, name, from, to,
                              because}], conflicts: [{ref, name, local, remote}]})
  settings [--json] [--writeback on|off] [--api-url URL] [--pal-limit N]
           [--due-soon-days N] [--pal-login PAL=LOGIN]...
                              print or change the settings: write-back (moves set the
                              phase label on the linked issue; moves made while it was off
                              are held, listed, and sent only by sync --push-held;
                              --json adds held) for the current round, the
                              GitHub API (GitHub Enterprise; '' for api.github.com), a
                              pal's limit, due-soon days, each pal's GitHub login
  discover [--repo OWNER/REPO] [--label LABEL]... [--api-url URL] [--json] [--add]
                              open issues with any LABEL (default cncf/tag-security,
                              security-pals) and "- Security Pals" PRs, each marked with
                              the engagement linking it (known) or, unlinked, the card of
                              its name without such a link (match); --add links each
                              match to its card and makes an Intake card of each other
                              unlinked one (twice adds nothing)
  intake check [REF|--all] [--refresh] [--api-url URL] [--scorecard-url URL] [--json]
                              read each Intake project's security status from the project:
                              SECURITY.md (root, .github/, docs/), a self-assessment in
                              cncf/tag-security, its OpenSSF Scorecard (default
                              https://api.scorecard.dev; no token goes there); shown as
                              stored unless --refresh; a value set with --security stays
  edit REF --pr OWNER/REPO#N|PR_URL
                              link the self-assessment pull request ('' unlinks); sync
                              reads which template sections it fills (show lists them)

An option's value may begin with "-": pals note kyverno --text "- asked about SBOMs".
--api-url must be https (plain http only to 127.0.0.1): the token never travels in clear.

Options:
  --data DIR    data folder (default: $PALS_DATA_DIR, else the app's user-data folder)
  -h, --help    this help
  --version     the version

Environment:
  PALS_DATA_DIR   data folder when --data is not given
  PALS_NOW        YYYY-MM-DD to use as today for due dates
  GITHUB_TOKEN    the GitHub token pals sync and discover use (never printed)

Exit status: 0 success, 1 failure (one "error:" line on stderr), 2 usage error.`;
