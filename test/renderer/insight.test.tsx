// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { editEngagement } from '../../shared/engagements.js';

import { addRound } from '../../shared/rounds.js';
import type { StoreDoc } from '../../shared/schema.js';
import { AT, createFakeApi, TODAY } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { renderApp } from './render-app.js';
import type { Phase } from '../../shared/phases.js';
import { moveCard } from '../../shared/move.js';

afterEach(cleanup);

const HOSTILE_ROUND = '<img src=x onerror=alert(1)>';
const HOSTILE_PAL = '</text><script>alert(1)</script>';

/** Round 1 (the pilot): two engagements, one done on time; then a second round, current, with a hostile name. */
function doc(): StoreDoc {
  let d = seededDoc([
    { name: 'Kyverno', kickoff: '2025-09-01', pals: ['Ana'] },
    { name: 'Falco', kickoff: '2025-09-01', pals: ['Ana', HOSTILE_PAL] },
  ]);
  const move = (id: string, phase: Phase, on: string) => {
    d = moveCard(d, { ref: id, to: phase, reason: 'backdated', at: AT, backdate: { on: on, today: TODAY } }).doc;
  };
  move('eng-1', 'meet-greet', '2025-09-03');
  move('eng-1', 'follow-up', '2025-09-10');
  move('eng-1', 'draft', '2025-10-01');
  move('eng-1', 'review', '2025-10-20');
  move('eng-1', 'done', '2025-11-30');
  d = editEngagement(d, 'eng-1', { hours: 12 }, AT).doc;
  move('eng-2', 'meet-greet', '2025-09-05');
  d = addRound(d, { name: HOSTILE_ROUND, use: true }, AT).doc;
  return seededDocWith(d, [{ name: 'Argo', pals: ['Bo'] }]);
}

/** Adds engagements to an existing document (in its current round). */
function seededDocWith(base: StoreDoc, inputs: { name: string; pals: string[] }[]): StoreDoc {
  const extra = seededDoc(inputs).engagements.map((e, i) => ({ ...e, id: `new-${i + 1}`, round: base.settings.currentRound }));
  return { ...base, engagements: [...base.engagements, ...extra] };
}

async function openInsight() {
  fireEvent.click(screen.getByRole('tab', { name: 'Insight' }));
  const heading = await screen.findByRole('heading', { name: 'Insight', level: 2 });
  await screen.findAllByRole('img', { name: /per round/ });
  return heading.closest('section')!;
}

describe('the Insight view', () => {
  it('shows per round figures and per pal counts, each chart an SVG image with a name and a data table', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    const view = await openInsight();
    expect(fake.callsOf('getInsight')).toEqual([{}]);
    const glance = within(view).getByRole('table', { name: 'Every round at a glance' });
    const rows = within(glance)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Round 1', '2', '1', '0', '50% (1 of 2)', '12 h', '12 h'],
      [`${HOSTILE_ROUND} (current)`, '1', '0', '0', 'nothing due yet', '—', '0 h'],
    ]);
    const charts = within(view).getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Engagements and done per round',
      'Share finished on time per round',
      `Median days per phase against the planned window: Round 1 and ${HOSTILE_ROUND}`,
      'Engagements per pal and round',
    ]);
    for (const chart of charts) {
      expect(chart.tagName.toLowerCase()).toBe('svg');
      expect(chart.querySelector('title')?.textContent).toBe(chart.getAttribute('aria-label'));
      // Every chart has its figures behind it.
      const figure = chart.closest('figure')!;
      expect(within(figure).getByText('Show data').tagName).toBe('SUMMARY');
      expect(within(figure).getByRole('table', { hidden: true })).toBeTruthy();
    }
    const pals = within(view).getByRole('table', { name: 'Engagements per pal and round', hidden: true });
    expect(
      within(pals)
        .getAllByRole('row', { hidden: true })
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      ['Pal', 'Round 1', HOSTILE_ROUND, 'All rounds'],
      [HOSTILE_PAL, '1', '0', '1'],
      ['Ana', '2', '0', '2'],
      ['Bo', '0', '1', '1'],
    ]);
  });

  it('keeps hostile round and pal names as text inside the charts', async () => {
    await renderApp(createFakeApi(doc()));
    const view = await openInsight();
    expect(view.querySelector('img, script, foreignObject, [onerror]')).toBeNull();
    const texts = [...view.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toContain(HOSTILE_ROUND.slice(0, 21) + '…');
    expect(texts.some((t) => t?.startsWith('</text><script>'))).toBe(true);
    // Inline styles are set through CSSOM (the CSP blocks style attributes), not left as attributes.
    const bar = view.querySelector('svg rect') as SVGRectElement;
    expect(bar.getAttribute('data-chart-style')).toBeNull();
    expect(bar.style.fill).toMatch(/^var\(--chart-series-1/);
  });

  it('compares two rounds side by side, chosen with two selects', async () => {
    await renderApp(createFakeApi(doc()));
    const view = await openInsight();
    const compare = within(view).getByRole('region', { name: 'Compare two rounds' });
    expect(within(compare).getByLabelText<HTMLSelectElement>('First round').value).toBe('default');
    const side = within(compare).getByRole('table', { name: /side by side/ });
    expect(
      within(side)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Figure', 'Round 1', HOSTILE_ROUND]);
    const row = (label: string) =>
      [...within(side).getByRole('rowheader', { name: label }).closest('tr')!.children].slice(1).map((c) => c.textContent);
    expect(row('Done')).toEqual(['1', '0']);
    // Kyverno spent 7 days in Meet & greet; the plan is 1 week.
    expect(row('Meet & greet: median days (planned)')).toEqual(['7 (7)', '— (7)']);
    fireEvent.change(within(compare).getByLabelText('Second round'), { target: { value: '' } });
    expect(
      within(side)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Figure', 'Round 1']);
    expect(within(compare).getByRole('img').getAttribute('aria-label')).toBe('Median days per phase against the planned window: Round 1');
  });

  it('opens with Ctrl+4 and from the command palette, and follows the board', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    fireEvent.keyDown(window, { key: '4', ctrlKey: true });
    expect(await screen.findByRole('heading', { name: 'Insight', level: 2 })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Board' }));
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    fireEvent.change(within(palette).getByRole('combobox'), { target: { value: 'Insight' } });
    fireEvent.keyDown(within(palette).getByRole('combobox'), { key: 'Enter' });
    const view = await openInsight();
    const before = fake.callsOf('getInsight').length;
    await fake.addEngagement({ name: 'Linkerd' });
    await waitFor(() => {
      expect(within(view).getByRole('table', { name: 'Every round at a glance' }).textContent).toContain(`${HOSTILE_ROUND} (current)2`);
    });
    expect(fake.callsOf('getInsight').length).toBeGreaterThan(before);
  });
});
