import { useEffect, useRef, useState } from "react";

export interface ChartRow {
  label: string;
  value: number;
}

/**
 * A bar chart drawn by chart.js in the browser, with its data as a table. The table is the
 * accessible version and the fallback: without JavaScript no chart is drawn and the table stays
 * open; with it, the table is one click away. chart.js loads only on pages that draw a chart.
 */
export function ChartFigure({
  id,
  title,
  rows,
  labelHeader,
  valueHeader = "意见数（条）",
  horizontal = false,
  colors,
}: {
  id: string;
  title: string;
  rows: ChartRow[];
  labelHeader: string;
  valueHeader?: string;
  horizontal?: boolean;
  /** One colour per bar, else all bars in the site's blue. */
  colors?: string[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const key = JSON.stringify(rows);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    import("chart.js/auto").then(({ default: Chart }) => {
      if (cancelled || !canvas.current) return;
      const chart = new Chart(canvas.current, {
        type: "bar",
        data: {
          labels: rows.map((r) => r.label),
          datasets: [{ label: valueHeader, data: rows.map((r) => r.value), backgroundColor: colors ?? "#0a4d8c" }],
        },
        options: {
          indexAxis: horizontal ? "y" : "x",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
      destroy = () => chart.destroy();
      setDrawn(true);
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
    // Rows are compared by value (key): a new array with the same numbers must not redraw.
  }, [key, horizontal]);

  return (
    <figure className="chart-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="chart-canvas" hidden={!drawn}>
        <canvas ref={canvas} role="img" aria-label={`${title}的柱状图，数据见下方数据表`} />
      </div>
      <details open={!drawn}>
        <summary>{title}：数据表</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col">{valueHeader}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
