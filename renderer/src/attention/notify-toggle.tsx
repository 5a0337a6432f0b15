/**
 * "Daily notification": on or off (kept in the settings). In the desktop app the main process
 * shows it; in a browser the first press asks the browser's permission (never before the user
 * asks), and the digest shows at once.
 */
import { useState } from 'react';
import { useAppStore } from '../store/store-context.js';
import { browserNotifications, isDesktop, showBrowserDigest } from './browser-digest.js';

/** The toggle button; absent in a browser without notifications. */
export function NotifyToggle() {
  const on = useAppStore((s) => s.board?.settings.notifications ?? false);
  const setNotifications = useAppStore((s) => s.setNotifications);
  const pushToast = useAppStore((s) => s.pushToast);
  const openCard = useAppStore((s) => s.openCard);
  const attention = useAppStore((s) => s.attention);
  const api = browserNotifications();
  const [permission, setPermission] = useState(() => api?.permission ?? 'default');
  if (!isDesktop() && !api) return null;
  const pressed = on && (isDesktop() || permission === 'granted');

  const toggle = async () => {
    if (pressed) {
      await setNotifications(false);
      return;
    }
    if (api && api.permission !== 'granted') {
      const answer = await api.requestPermission();
      setPermission(answer);
      if (answer !== 'granted') {
        pushToast('error', 'This browser blocks notifications for this page: allow them in its site settings, then try again.');
        return;
      }
    }
    if (!on && !(await setNotifications(true))) return;
    if (api && attention) showBrowserDigest(attention, openCard);
  };

  return (
    <button
      type="button"
      className="button button--small button--quiet notify-toggle"
      aria-pressed={pressed}
      title={
        isDesktop()
          ? 'A notification with this digest when the app starts, and once a day'
          : 'A browser notification with this digest, once a day'
      }
      onClick={() => void toggle()}
    >
      Daily notification
    </button>
  );
}
