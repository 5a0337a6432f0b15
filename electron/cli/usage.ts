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
                              add an engagement; prints its id
  list [--json]               every engagement (--json: with due state)
  show REF [--json]           one engagement; REF is an id or a name (any case)
  move REF PHASE              PHASE: intake meet-greet follow-up draft review done
  edit REF [--name ..] [--kickoff ..] [--maturity ..] [--issue ..] [--repo ..]
           [--pal NAME]... [--reaction TEXT] [--learning TEXT]... [--hours N]
           [--hold yes|no] [--retro-worked|--retro-didnt|--retro-improve|
           --retro-more|--retro-less TEXT]
                              --pal replaces the pals, --learning adds one (tag it
                              with a leading [tag], e.g. "[timebox] …"); an empty
                              value ('') clears kickoff, issue, repo, hours
  note REF [--kind meet-greet|follow-up|general] [--date YYYY-MM-DD]
           [--attendee NAME]... [--action TEXT]...
           (--text TEXT | --file PATH)   add a meeting note (--file - reads stdin)
  board                       a text board, one column per phase
  backup --out FILE           write the whole store as JSON
  restore FILE                validate FILE and make it the store (the old one is kept in backups/)
  serve [--port N] [--no-open] [--api-url URL]
                              the app's UI in a browser, on 127.0.0.1 only; the first
                              line printed is the URL to open (it carries an access token)
  export deck [--format md|html|pdf] [--out FILE] [--only REF,REF..] [--title T]
              [--theme gaia|default|uncover]
                              the retrospective deck (Marp); without --out, md/html
                              go to stdout; md with --out writes charts to deck-images/
  export assessment REF [--out FILE]
                              a self-assessment starter for one engagement
  sync [--api-url URL] [--json]
                              update linked engagements from their GitHub issues (token
                              from $GITHUB_TOKEN; default API https://api.github.com);
                              --json prints {checked, updated, unchanged, failed, rateLimit}

An option's value may begin with "-": pals note kyverno --text "- asked about SBOMs".
--api-url must be https (plain http only to 127.0.0.1): the token never travels in clear.

Options:
  --data DIR    data folder (default: $PALS_DATA_DIR, else the app's user-data folder)
  -h, --help    this help
  --version     the version

Environment:
  PALS_DATA_DIR   data folder when --data is not given
  PALS_NOW        YYYY-MM-DD to use as today for due dates
  GITHUB_TOKEN    the GitHub token pals sync uses (never printed)

Exit status: 0 success, 1 failure (one "error:" line on stderr), 2 usage error.`;
