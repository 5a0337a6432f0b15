/** One chart of the Insight view: the SVG (role img, named), and its figures as a table under "Show data". */
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { importChart, parseChart } from './chart-dom.js';

/** The chart's SVG, set outside React (it is markup from a pure builder, parsed as XML). */
export function ChartSvg({ svg }: { readonly svg: string }) {
  const host = useRef<HTMLDivElement>(null);
  const parsed = useMemo(() => parseChart(svg), [svg]);
  useLayoutEffect(() => {
    host.current?.replaceChildren(...(parsed ? [importChart(parsed)] : []));
  }, [parsed]);
  if (!parsed) return <p className="form-error">This chart could not be drawn; its figures are in the table.</p>;
  return <div ref={host} className="chart" />;
}

/** A chart with a caption and the table behind it (`children`), folded under "Show data". */
export function ChartFigure(props: { readonly svg: string; readonly caption: string; readonly children: ReactNode }) {
  return (
    <figure className="insight-figure">
      <figcaption className="insight-caption">{props.caption}</figcaption>
      <ChartSvg svg={props.svg} />
      <details className="insight-data">
        <summary>Show data</summary>
        {props.children}
      </details>
    </figure>
  );
}
