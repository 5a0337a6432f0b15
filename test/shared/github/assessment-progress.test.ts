/** Self-assessment progress: which template sections a markdown file fills (pure). */
import { describe, expect, it } from 'vitest';
import { assessmentStarter } from '../../../shared/assessment.js';
import { assessmentProgress, pickAssessmentFile, TEMPLATE_SECTIONS } from '../../../shared/github/assessment-progress.js';
import { addEngagement } from '../../../shared/engagements.js';
import { emptyDoc } from '../../../shared/schema.js';
import { filledWith, TEMPLATE } from '../../fixtures/self-assessment.js';

const filled = (markdown: string) => assessmentProgress(markdown).flatMap((s) => (s.filled ? [s.title] : []));

describe('assessmentProgress', () => {
  it('reports all eight sections, none filled, for the bare template', () => {
    const progress = assessmentProgress(TEMPLATE);
    expect(progress.map((s) => s.title)).toEqual([...TEMPLATE_SECTIONS]);
    expect(progress.every((s) => !s.filled)).toBe(true);
  });

  it('counts a section filled once it holds the author’s own text, whatever else stays', () => {
    expect(filled(filledWith(['Overview', 'Project compliance', 'Appendix']))).toEqual(['Overview', 'Project compliance', 'Appendix']);
    expect(filled(filledWith([...TEMPLATE_SECTIONS]))).toEqual([...TEMPLATE_SECTIONS]);
  });

  it('treats the [project] placeholder, HTML comments, TBD/TODO and bare labels as unfilled', () => {
    const text = TEMPLATE.replace(
      '## Project compliance\n',
      '## Project compliance\n\n<!-- say which standards -->\n\nTBD\n\n* Compliance.\n',
    );
    expect(filled(text)).toEqual([]);
    // With the placeholder replaced, the boilerplate is the team's own statement.
    expect(filled(TEMPLATE.replaceAll('[project]', 'Widget'))).toEqual(['Self-assessment use']);
  });

  it('finds sections at any heading level, numbered, and ends them at the next one', () => {
    const doc = ['# Widget', '', '# 1. Overview', '', 'Widget runs jobs.', '', '# 2. Appendix', '', '_prompt only_', ''].join('\n');
    expect(filled(doc)).toEqual(['Overview']);
    const nested = ['## Overview', '', '### Background', '', 'Jobs need isolation.', '## Appendix', ''].join('\n');
    expect(filled(nested)).toEqual(['Overview']);
  });

  it('ignores headings inside code fences and reads a table row’s values, not its key', () => {
    const fenced = ['## Overview', '', '```', '## Appendix', '```', ''].join('\n');
    expect(filled(fenced)).toEqual(['Overview']);
    const table = ['## Metadata', '', '| Key | Value |', '| -- | -- |', '| Software | |', ''].join('\n');
    expect(filled(table)).toEqual([]);
    expect(filled(table.replace('| Software | |', '| Software | https://x.example |'))).toEqual(['Metadata']);
  });

  it('reads the desk’s own starter: what it fills in counts, its italic prompts do not', () => {
    const e = addEngagement(
      emptyDoc(),
      { name: 'Widget', repo: 'https://github.com/example/widget' },
      { id: 'wid', at: '2026-11-01T00:00:00.000Z' },
    );
    const sections = filled(assessmentStarter(e.value, '2026-11-27'));
    expect(sections).toContain('Metadata');
    for (const prompted of [
      'Security functions and features',
      'Project compliance',
      'Secure development practices',
      'Security issue resolution',
    ]) {
      expect(sections).not.toContain(prompted);
    }
  });

  it('keeps hostile markup as text and never throws on odd input', () => {
    expect(filled('## Overview\n\n<script>alert(1)</script>\n')).toEqual(['Overview']);
    expect(assessmentProgress('')).toHaveLength(8);
    expect(filled('## Overview\n<!-- never closed\nstill a comment')).toEqual([]);
  });
});

describe('pickAssessmentFile', () => {
  it('picks the project self-assessment among the PR’s files, never the guide or a removed file', () => {
    const files = [
      { filename: 'README.md', status: 'modified', additions: 2 },
      { filename: 'community/assessments/guide/self-assessment.md', status: 'modified', additions: 9 },
      { filename: 'old/self-assessment.md', status: 'removed', additions: 0 },
      { filename: 'notes/self-assessment-draft.md', status: 'added', additions: 400 },
      { filename: 'community/assessments/projects/widget/self-assessment.md', status: 'added', additions: 120 },
    ];
    expect(pickAssessmentFile(files)?.filename).toBe('community/assessments/projects/widget/self-assessment.md');
    expect(pickAssessmentFile(files.slice(0, 3))).toBeNull();
    expect(pickAssessmentFile([{ filename: '../self-assessment.md', status: 'added' }])).toBeNull();
  });
});
