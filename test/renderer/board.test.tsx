// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PHASE_TITLES, PHASES } from '../../shared/phases.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { namesIn, renderApp } from './render-app.js';

afterEach(cleanup);

const hostile = '<img src=x onerror=alert(1)>';

function boardApi() {
  return createFakeApi(
    seededDoc([
      { name: 'Kyverno', maturity: 'incubating', kickoff: '2025-12-01', phase: 'draft', pals: ['Ana'] },
      { name: 'Argo', maturity: 'graduated', kickoff: '2026-03-06', pals: ['Ben'] },
      { name: hostile, phase: 'follow-up', pals: ['Ana', 'Cy'], issue: 'cncf/tag-security#42' },
      { name: '---', phase: 'follow-up' },
      { name: '# heading', phase: 'review', kickoff: '2025-10-01', onHold: true },
    ]),
  );
}

describe('the board', () => {
  it('has six columns in timebox order, each a region and a list named by its title', async () => {
    await renderApp(boardApi());
    const regions = screen.getAllByRole('region').filter((r) => Object.values(PHASE_TITLES).includes(r.getAttribute('aria-label') ?? ''));
    expect(regions).toHaveLength(0); // named by aria-labelledby, not aria-label
    for (const phase of PHASES) {
      const region = screen.getByRole('region', { name: PHASE_TITLES[phase] });
      expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe(PHASE_TITLES[phase]);
      expect(within(region).getByRole('list', { name: PHASE_TITLES[phase] })).toBeTruthy();
    }
    // The columns' titles, in order, after the "Needs attention" digest's.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Needs attention', ...PHASES.map((p) => PHASE_TITLES[p])]);
    // The count sits beside the title, outside the accessible name.
    expect(within(screen.getByRole('region', { name: 'Follow-up' })).getByText('2')).toBeTruthy();
  });

  it('shows each card with its facts, reachable by the project name', async () => {
    await renderApp(boardApi());
    expect(namesIn('Self-assessment draft')).toEqual(['Kyverno']);
    const card = screen.getByRole('button', { name: 'Kyverno' }).closest('li')!;
    const text = card.textContent;
    expect(text).toContain('Incubating');
    expect(text).toContain('Ana');
    expect(text).toContain('Window ends');
    expect(text).toContain('Overdue'); // the draft window closed 8 weeks after 1 Dec
    expect(text).toContain('Not linked');
    expect(within(card).getByRole('button', { name: 'Move to…' })).toBeTruthy();
    const held = screen.getByRole('button', { name: '# heading' }).closest('li')!;
    expect(held.textContent).toContain('On hold');
    const linked = screen.getByRole('button', { name: hostile }).closest('li')!;
    expect(linked.textContent).toContain('cncf/tag-security#42');
  });

  it('renders hostile names as literal text', async () => {
    const { container } = await renderApp(boardApi());
    expect(screen.getByRole('button', { name: hostile }).textContent).toBe(hostile);
    expect(screen.getByRole('button', { name: '---' }).textContent).toBe('---');
    expect(screen.getByRole('button', { name: '# heading' }).textContent).toBe('# heading');
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('hr')).toBeNull();
  });

  it('narrows the cards with the search field and the filters', async () => {
    await renderApp(boardApi());
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'KYV' } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Kyverno']);
    expect(within(screen.getByRole('region', { name: 'Follow-up' })).getByText('0 of 2')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(5);

    fireEvent.change(screen.getByLabelText('Pal'), { target: { value: 'Ana' } });
    expect(namesIn('Follow-up')).toEqual([hostile]);
    expect(namesIn('Self-assessment draft')).toEqual(['Kyverno']);
    expect(namesIn('Intake')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Maturity'), { target: { value: 'incubating' } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Kyverno']);

    fireEvent.change(screen.getByLabelText('Pal'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Maturity'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: 'overdue' } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Kyverno', '# heading']);
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: 'due-soon' } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Argo']);
    fireEvent.change(search, { target: { value: 'nothing like this' } });
    expect(screen.queryAllByRole('heading', { level: 3 })).toEqual([]);
    expect(screen.getByText('0 cards match')).toBeTruthy();
  });

  it('refetches when the core says the store changed (the CLI, another window)', async () => {
    const { api } = await renderApp(boardApi());
    api.doc = seededDoc([{ name: 'Crossplane', phase: 'meet-greet' }]);
    api.emitExternalChange();
    expect(await screen.findByRole('button', { name: 'Crossplane' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kyverno' })).toBeNull();
  });
});
