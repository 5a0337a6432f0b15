/**
 * The desktop app's answer to a page that asks to change the GitHub API address: the saved token
 * goes to that address on the next sync, so the user confirms it in a native dialog, which no
 * page (nor script injected into one) can see or click. Cancel is the default. Going back to
 * api.github.com from an Enterprise server is asked too.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';

/** True when the user agreed that the token may go to `url` from now on. */
export async function confirmApiUrl(
  url: string,
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: BrowserWindow | undefined,
): Promise<boolean> {
  const host = new URL(url).host;
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'GitHub API address',
    message: `Send your GitHub token to ${host}?`,
    detail:
      `From now on, syncing sends the saved GitHub token to ${url}. ` +
      (host === 'api.github.com'
        ? 'That is github.com itself, not the GitHub Enterprise server the desk uses now: a token made for that server should not go there. '
        : 'Use this only for your own GitHub Enterprise server (https://HOST/api/v3). ') +
      'If you did not ask for this, choose Cancel.',
    buttons: ['Cancel', `Use ${host}`],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 1;
}
