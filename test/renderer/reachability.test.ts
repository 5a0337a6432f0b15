/** The page's connection to the core: listeners hear "back" once per loss, never on an ordinary answer. */
import { describe, expect, it } from 'vitest';
import { createReachability } from '../../renderer/src/serve/reachability.js';

describe('reachability', () => {
  it('tells listeners the core is back only after it was lost, once per loss', () => {
    const r = createReachability();
    let back = 0;
    const stop = r.onBack(() => back++);
    r.answered();
    expect(back).toBe(0);
    r.lost();
    r.lost();
    expect(r.isLost()).toBe(true);
    r.answered();
    r.answered();
    expect(back).toBe(1);
    expect(r.isLost()).toBe(false);
    stop();
    r.lost();
    r.answered();
    expect(back).toBe(1);
  });
});
