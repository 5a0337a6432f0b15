/**
 * The Insight view: per round, engagements, done, the share finished on time, median days per
 * phase against the plan and hours; per pal, engagements per round; two rounds side by side.
 * Figures come from the core (`getInsight`, the same as `pals insight`) and are asked for again
 * when the board changes; each chart is SVG from shared/insight-charts.ts with its table behind it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Insight } from '../../../shared/insight.js';
import { onTimeChart, palsChart, roundsChart } from '../../../shared/insight-charts.js';
import { formatDay } from '../format/dates.js';
import { useAppStore } from '../store/store-context.js';
import { ChartFigure } from './chart-figure.js';
import { PalsTable, RoundsTable } from './insight-tables.js';
import { RoundCompare } from './round-compare.js';

const DEBOUNCE_MS = 300;

/** The view (mounted only while shown). */
export function InsightView() {
  const id = useId();
  const loadInsight = useAppStore((s) => s.loadInsight);
  const board = useAppStore((s) => s.board);
  const [data, setData] = useState<Insight | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    // The first answer at once; a burst of board changes after that asks once.
    const timer = setTimeout(
      () => {
        void loadInsight().then((res) => {
          if (mine !== seq.current) return;
          if (res.ok) {
            setData(res.value);
            setError(null);
          } else setError(res.error.message);
        });
      },
      seq.current === 1 ? 0 : DEBOUNCE_MS,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [loadInsight, board]);

  return (
    <section className="insight-view" aria-labelledby={`${id}-title`} aria-busy={data === null && error === null}>
      <header className="insight-head">
        <h2 id={`${id}-title`} className="view-title">
          Insight
        </h2>
        {data && (
          <p className="muted">
            As of <time dateTime={data.today}>{formatDay(data.today)}</time>. Days in a phase come from each card&apos;s phase history;
            &ldquo;on time&rdquo; means done within its round&apos;s last window.
          </p>
        )}
      </header>
      {error && (
        <p role="alert" className="form-error">
          Could not work out the figures: {error}
        </p>
      )}
      {!data && !error && (
        <p className="loading" role="status">
          Working out the figures…
        </p>
      )}
      {data && (
        <>
          <section className="insight-section" aria-labelledby={`${id}-rounds`}>
            <h3 id={`${id}-rounds`} className="insight-title">
              Rounds
            </h3>
            <RoundsTable data={data} caption="Every round at a glance" />
            <div className="insight-charts">
              <ChartFigure svg={roundsChart(data)} caption="Engagements and done per round">
                <RoundsTable data={data} caption="Engagements and done per round" columns={['engagements', 'done']} />
              </ChartFigure>
              <ChartFigure svg={onTimeChart(data)} caption="Share finished on time per round">
                <RoundsTable data={data} caption="Finished on time per round" columns={['onTime']} />
              </ChartFigure>
            </div>
          </section>
          <RoundCompare data={data} />
          <section className="insight-section" aria-labelledby={`${id}-pals`}>
            <h3 id={`${id}-pals`} className="insight-title">
              Pals
            </h3>
            <ChartFigure svg={palsChart(data)} caption="Engagements per pal and round">
              <PalsTable data={data} />
            </ChartFigure>
          </section>
        </>
      )}
    </section>
  );
}
