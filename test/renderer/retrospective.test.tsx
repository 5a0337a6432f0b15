// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { editEngagement } from '../../shared/engagements.js';
import { AT, createFakeApi } from './fake-api.js';
import { loadedDialog, renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(cleanup);

function api() {
  const doc = seededDoc([{ name: 'Kyverno', reaction: '"What do you want?"' }]);
  return createFakeApi(
    editEngagement(doc, 'eng-1', { learnings: ['[timebox] Both sides must buy in', '[security status] Check first', 'Plain one'] }, AT).doc,
  );
}

async function openRetro() {
  const rendered = await renderApp(api());
  fireEvent.click(screen.getByRole('button', { name: 'Kyverno' }));
  const dialog = await loadedDialog('Kyverno');
  fireEvent.click(within(dialog).getByRole('tab', { name: 'Retrospective' }));
  const panel = within(dialog).getByRole('tabpanel', { name: 'Retrospective' });
  return { ...rendered, panel, status: () => within(panel).getByRole('status').textContent };
}

describe('the retrospective record', () => {
  it('shows stored learnings with their tags (suggested, custom, none)', async () => {
    const { panel } = await openRetro();
    const value = (label: string) => within(panel).getByLabelText<HTMLInputElement>(label).value;
    expect(value('Initial reaction')).toBe('"What do you want?"');
    expect([value('Tag of learning 1'), value('Learning 1')]).toEqual(['timebox', 'Both sides must buy in']);
    expect([value('Custom tag of learning 2'), value('Learning 2')]).toEqual(['security status', 'Check first']);
    expect([value('Tag of learning 3'), value('Learning 3')]).toEqual(['', 'Plain one']);
  });

  it('autosaves reaction, hours, tagged learnings and the five questions through editEngagement', async () => {
    const { panel, status, api: fake } = await openRetro();
    expect(status()).toBe('Saved');
    fireEvent.change(within(panel).getByLabelText('Initial reaction'), { target: { value: 'Where do we start?' } });
    fireEvent.change(within(panel).getByLabelText('Hours spent'), { target: { value: '12.5' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add learning' }));
    expect(document.activeElement).toBe(within(panel).getByLabelText('Learning 4'));
    fireEvent.change(within(panel).getByLabelText('Tag of learning 4'), { target: { value: 'template docs' } });
    fireEvent.change(within(panel).getByLabelText('Learning 4'), { target: { value: 'Projects loved the template' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove learning 3' }));
    fireEvent.change(within(panel).getByLabelText('What worked'), { target: { value: 'The timebox' } });
    fireEvent.change(within(panel).getByLabelText('Do less of'), { target: { value: 'Chasing' } });
    expect(status()).toBe('Saving…');
    await waitFor(() => {
      expect(status()).toBe('Saved');
    });
    expect(fake.callsOf('editEngagement')).toEqual([
      {
        id: 'eng-1',
        patch: {
          reaction: 'Where do we start?',
          hours: 12.5,
          learnings: ['[timebox] Both sides must buy in', '[security status] Check first', '[template docs] Projects loved the template'],
          retro: { worked: 'The timebox', less: 'Chasing' },
        },
      },
    ]);
    const stored = fake.doc.engagements[0]!;
    expect([stored.hours, stored.retro.worked, stored.retro.didnt]).toEqual([12.5, 'The timebox', '']);
  });

  it('shows validation beside the field, sends nothing invalid, and saves once fixed', async () => {
    const { panel, status, api: fake } = await openRetro();
    const hours = within(panel).getByLabelText('Hours spent');
    fireEvent.change(hours, { target: { value: '-3' } });
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(hours.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('must be 0 or more');
    await waitFor(() => {
      expect(status()).toBe('Not saved: Hours spent must be 0 or more');
    });
    fireEvent.change(within(panel).getByLabelText('Tag of learning 3'), { target: { value: '__custom' } });
    fireEvent.change(within(panel).getByLabelText('Custom tag of learning 3'), { target: { value: 'a/b' } });
    expect(within(panel).getByText('a tag is up to 30 letters, digits, spaces, - or _')).toBeTruthy();
    expect(fake.callsOf('editEngagement')).toEqual([]);
    fireEvent.change(hours, { target: { value: '3' } });
    fireEvent.change(within(panel).getByLabelText('Custom tag of learning 3'), { target: { value: 'buy in' } });
    await waitFor(() => {
      expect(status()).toBe('Saved');
    });
    expect(fake.callsOf('editEngagement')).toEqual([
      {
        id: 'eng-1',
        // One tag vocabulary: a custom "buy in" is the suggested "buy-in" (shared/learnings.ts).
        patch: { hours: 3, learnings: ['[timebox] Both sides must buy in', '[security status] Check first', '[buy-in] Plain one'] },
      },
    ]);
  });
});
