/** `npm run bench` options: default sizes follow issue 7 (budgets at 5,000, growth from 500). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, parseArgs, QUICK_SIZES, SMOKE_SIZES } from '../../bench/args.js';
import { profileFor } from '../../bench/scenario.js';

describe('parseArgs', () => {
  it('measures 500 and 5,000 by default, 500 in a quick run, and what --sizes says otherwise', () => {
    expect(DEFAULT_SIZES).toEqual([500, 5000]);
    expect(parseArgs([])).toMatchObject({ sizes: [500, 5000], sizesGiven: false, quick: false });
    expect(parseArgs(['--quick'])).toMatchObject({ sizes: QUICK_SIZES, sizesGiven: false, quick: true });
    expect(parseArgs(['--sizes', '500,5000,20000', '--quick'])).toMatchObject({ sizes: [500, 5000, 20000], sizesGiven: true });
    expect(parseArgs(['--sizes=20000'])).toMatchObject({ sizes: [20000] });
  });

  it('runs tiny sizes once each with --smoke or PALS_BENCH_SMOKE=1, a quick run besides', () => {
    expect(parseArgs(['--smoke'])).toMatchObject({ sizes: SMOKE_SIZES, smoke: true, quick: true });
    expect(parseArgs([], { PALS_BENCH_SMOKE: '1' })).toMatchObject({ sizes: SMOKE_SIZES, smoke: true });
    expect(parseArgs([], { PALS_BENCH_SMOKE: '0' })).toMatchObject({ sizes: DEFAULT_SIZES, smoke: false });
    expect(parseArgs(['--smoke', '--sizes', '80'])).toMatchObject({ sizes: [80], smoke: true });
    expect(profileFor(true, true)).toMatchObject({ smoke: true, quick: true, loadRuns: 1, boardRuns: 1, cliRuns: 1 });
    expect(profileFor(false)).toMatchObject({ smoke: false, cliRuns: 7 });
  });

  it('takes the cli scenario by name and refuses bad sizes', () => {
    expect(parseArgs(['--scenario', 'cli,sync']).scenarios).toEqual(['cli', 'sync']);
    expect(() => parseArgs(['--sizes', '0'])).toThrow(/positive whole numbers/);
  });
});
