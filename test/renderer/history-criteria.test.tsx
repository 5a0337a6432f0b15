// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { AT, createFakeApi, TODAY } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { loadedDialog, namesIn, renderApp } from './render-app.js';
import { moveCard } from '../../shared/move.js';

afterEach(cleanup);

/** Kyverno entered late: added today, moved to Meet & greet today (so its history says 0 days). */
function doc() {
  const d = seededDoc([
    { name: 'Kyverno', kickoff: '2026-01-12', maturity: 'incubating' },
    { name: 'Argo', maturity: 'graduated' },
    { name: 'Falco', maturity: 'incubating' },
  ]);
  return moveCard(d, { ref: 'eng-1', to: 'meet-greet', reason: 'backdated', at: AT, backdate: { on: TODAY, today: TODAY } }).doc;
}

async function openCard(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  return loadedDialog(name);
}

const history = (dialog: HTMLElement) => within(dialog).getByRole('region', { name: 'Phase history' });

describe('the editable phase history', () => {
  it('re-dates, adds and removes moves, and saves them with editHistory', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    const dialog = await openCard('Kyverno');
    const section = history(dialog);
    fireEvent.click(within(section).getByRole('button', { name: 'Edit history' }));
    const phase1 = within(section).getByLabelText<HTMLSelectElement>('Phase of step 1');
    expect(document.activeElement).toBe(phase1);
    expect(phase1.value).toBe('intake');
    expect(within(section).getByLabelText<HTMLInputElement>('Date of step 2').value).toBe(TODAY);
    fireEvent.change(within(section).getByLabelText('Date of step 1'), { target: { value: '2026-01-12' } });
    fireEvent.change(within(section).getByLabelText('Date of step 2'), { target: { value: '2026-01-14' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Add move' }));
    expect(within(section).getByLabelText<HTMLSelectElement>('Phase of step 3').value).toBe('follow-up');
    expect(document.activeElement).toBe(within(section).getByLabelText('Phase of step 3'));
    fireEvent.change(within(section).getByLabelText('Date of step 3'), { target: { value: '2026-02-02' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Add move' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Remove step 4' }));
    expect(within(section).queryByLabelText('Phase of step 4')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Save history' }));
    expect(await within(section).findByText('History saved')).toBeTruthy();
    expect(fake.callsOf('editHistory')).toEqual([
      {
        id: 'eng-1',
        history: [
          { to: 'intake', on: '2026-01-12' },
          { to: 'meet-greet', on: '2026-01-14' },
          { to: 'follow-up', on: '2026-02-02' },
        ],
      },
    ]);
    const stored = fake.doc.engagements.find((e) => e.id === 'eng-1')!;
    expect(stored.phase).toBe('follow-up');
    expect(stored.history.map((h) => [h.from, h.to, h.at.slice(0, 10)])).toEqual([
      [null, 'intake', '2026-01-12'],
      ['intake', 'meet-greet', '2026-01-14'],
      ['meet-greet', 'follow-up', '2026-02-02'],
    ]);
    const items = within(history(dialog)).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.history-move')?.textContent)).toEqual([
      'Added in Intake',
      'Intake → Meet & greet',
      'Meet & greet → Follow-up',
    ]);
    // The card moved with its history.
    await waitFor(() => {
      expect(namesIn('Follow-up')).toEqual(['Kyverno']);
    });
  });

  it('shows the core’s refusal beside the step (a day in the future, a day before the step above) and changes nothing', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    const dialog = await openCard('Kyverno');
    const section = history(dialog);
    fireEvent.click(within(section).getByRole('button', { name: 'Edit history' }));
    fireEvent.change(within(section).getByLabelText('Date of step 2'), { target: { value: '2026-03-09' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save history' }));
    const date2 = within(section).getByLabelText('Date of step 2');
    await waitFor(() => {
      expect(date2.getAttribute('aria-invalid')).toBe('true');
    });
    expect(document.getElementById(date2.getAttribute('aria-describedby')!)?.textContent).toBe(
      `step 2 (meet-greet): 2026-03-09 is after today (${TODAY}); a move cannot be in the future`,
    );
    fireEvent.change(date2, { target: { value: '2025-12-01' } });
    expect(date2.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Save history' }));
    await waitFor(() => {
      expect(within(section).getByLabelText('Date of step 2').getAttribute('aria-invalid')).toBe('true');
    });
    expect(within(section).getByRole('status').textContent).toMatch(
      /^Not saved: step 2 \(meet-greet\): 2025-12-01 is before the step above it/,
    );
    expect(fake.doc.engagements.find((e) => e.id === 'eng-1')!.history.map((h) => h.at.slice(0, 10))).toEqual([TODAY, TODAY]);
    fireEvent.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(within(section).queryByLabelText('Date of step 2')).toBeNull();
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('intake criteria', () => {
  it('edits security status, sponsor, link and priority; the score shows with its weights, and Intake sorts by it', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    // Same score (unknown security, incubating) for Falco; Argo (graduated) scores less.
    expect(namesIn('Intake')).toEqual(['Falco', 'Argo']);
    const dialog = await openCard('Argo');
    const criteria = within(dialog).getByRole('group', { name: 'Intake criteria' });
    expect(criteria.textContent).toContain("Round 1's weights");
    expect(criteria.textContent).toContain('Security status ×3, Sponsor input ×2, Maturity ×2, Priority ×3');
    expect(within(criteria).getByText(/^Selection score/).textContent).toBe('Selection score 19 of 100');
    fireEvent.change(within(criteria).getByLabelText('Security status'), { target: { value: 'none' } });
    fireEvent.change(within(criteria).getByLabelText('TOC or TAG sponsor'), { target: { value: 'TAG Security <b>chairs</b>' } });
    fireEvent.change(within(criteria).getByLabelText("Sponsor's input (link)"), { target: { value: 'not a link' } });
    fireEvent.change(within(criteria).getByLabelText('Priority'), { target: { value: '5' } });
    expect(within(criteria).getByText(/^Selection score/).textContent).toBe('Selection score 84 of 100');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const link = within(criteria).getByLabelText("Sponsor's input (link)");
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('editEngagement')).toEqual([]);
    fireEvent.change(link, { target: { value: 'https://github.com/cncf/toc/issues/1' } });
    expect(within(criteria).getByRole('link', { name: "Open the sponsor's input" }).getAttribute('href')).toBe(
      'https://github.com/cncf/toc/issues/1',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Changes saved')).toBeTruthy();
    expect(fake.callsOf('editEngagement')).toEqual([
      {
        id: 'eng-2',
        patch: {
          criteria: {
            security: 'none',
            sponsor: 'TAG Security <b>chairs</b>',
            sponsorLink: 'https://github.com/cncf/toc/issues/1',
            priority: 5,
          },
        },
      },
    ]);
    expect(fake.doc.engagements.find((e) => e.id === 'eng-2')!.criteria.sponsor).toBe('TAG Security <b>chairs</b>');
    await waitFor(() => {
      expect(namesIn('Intake')).toEqual(['Argo', 'Falco']);
    });
    const card = screen.getByRole('button', { name: 'Argo' }).closest('li')!;
    const score = within(card).getByText(/^Selection score/);
    expect(score.textContent).toBe('Selection score 84 of 100');
    expect(score.getAttribute('title')).toBe(
      'Selection score 84 of 100. Weights: Security status ×3, Sponsor input ×2, Maturity ×2, Priority ×3. Round settings change them.',
    );
    // Cards past Intake carry no score.
    expect(within(screen.getByRole('button', { name: 'Kyverno' }).closest('li')!).queryByText(/Selection score/)).toBeNull();
  });
});
