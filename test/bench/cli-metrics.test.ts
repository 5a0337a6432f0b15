/** The CLI scenario's rows: medians over the runs that worked, failures named, memory only where measured. */
import { describe, expect, it } from 'vitest';
import { commandMetrics, failures, rangeText } from '../../bench/cli-metrics.js';
import type { ProcessRun } from '../../bench/cli-process.js';

const run = (ms: number, extra: Partial<ProcessRun> = {}): ProcessRun => ({
  ms,
  code: 0,
  signal: null,
  stdoutBytes: 1000,
  stderr: '',
  peakRssBytes: ms * 1024,
  ...extra,
});

describe('commandMetrics', () => {
  it('reports medians of successful runs beside the naive ones', () => {
    const rows = commandMetrics('list', 'list', { ours: [run(10), run(30), run(20), run(99, { code: 1 })], naive: [run(5)] }, true);
    expect(rows.map((r) => [r.id, r.ours, r.naive])).toEqual([
      ['list.wall', 20, 5],
      ['list.rss', 20 * 1024, 5 * 1024],
      ['list.stdout', 1000, 1000],
    ]);
  });

  it('leaves out memory where it was not measured', () => {
    const rows = commandMetrics(
      'note',
      'note',
      { ours: [run(10, { peakRssBytes: null })], naive: [run(5, { peakRssBytes: null })] },
      false,
    );
    expect(rows.map((r) => r.id)).toEqual(['note.wall']);
  });
});

describe('failures and ranges', () => {
  it('names each failed run with its status and first stderr line', () => {
    const runs = {
      ours: [run(10), run(10, { code: 1, stderr: 'error: no such engagement\nmore' })],
      naive: [run(1, { code: null, signal: 'SIGKILL' })],
    };
    expect(failures('note', runs)).toEqual(['FAILED ours note: exit 1: error: no such engagement', 'FAILED naive note: SIGKILL: ']);
    expect(rangeText([run(12), run(30.4)])).toBe('12–30 ms over 2 runs');
    expect(rangeText([run(1, { code: 2 })])).toBe('no successful run');
  });
});
