import { useEffect, useRef, useState } from "react";
import type { ChartSeries } from "~/models/analysis-charts.server";

/** Bars beyond this many are summed into one, so the canvas stays readable; the table lists them all. */
const MAX_BARS = 25;
const BLUE = "#0a4d8c";

function chartRows(rows: ChartSeries["rows"]): ChartSeries["rows"] {
  if (rows.length <= MAX_BARS) return rows;
  const rest = rows.slice(MAX_BARS - 1);
  return [...rows.slice(0, MAX_BARS - 1), { label: `其他 ${rest.length} 项`, value: rest.reduce((sum, r) => sum + r.value, 0) }];
}

/** Long category names read better across the page, one bar per line. */
const horizontal = (series: ChartSeries) => series.kind === "bar" && series.id !== "per-stance";

/**
 * One chart: a canvas drawn by chart.js in the browser only (loaded on demand, so the page works and stays
 * light without it), the same figures as a table for screen readers and for anyone without JavaScript, and,
 * once drawn, a link that downloads the chart as a PNG.
 */
export function ChartFigure({ series }: { series: ChartSeries }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<string | null>(null);
  const total = series.rows.reduce((sum, r) => sum + r.value, 0);

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    const rows = chartRows(series.rows);
    if (box.current) box.current.style.height = horizontal(series) ? `${Math.max(12, rows.length * 2.2 + 4)}rem` : "20rem";
    void import("chart.js/auto").then(({ default: Chart }) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: series.kind,
        data: {
          labels: rows.map((r) => r.label),
          datasets: [{ label: "意见数", data: rows.map((r) => r.value), backgroundColor: BLUE, borderColor: BLUE, pointRadius: 3 }],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: horizontal(series) ? "y" : "x",
          plugins: { legend: { display: false }, title: { display: true, text: series.title, font: { size: 16 } } },
          scales: { [horizontal(series) ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
        },
        plugins: [
          {
            // A white ground, so the downloaded PNG is not transparent; then the image is taken afresh.
            id: "paper",
            beforeDraw: (c) => {
              c.ctx.save();
              c.ctx.fillStyle = "#fff";
              c.ctx.fillRect(0, 0, c.width, c.height);
              c.ctx.restore();
            },
            afterRender: (c) => {
              if (!cancelled) setImage(c.toBase64Image("image/png"));
            },
          },
        ],
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [series]);

  const captionId = `chart-${series.id}-caption`;
  return (
    <figure className="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        {series.title}（合计 {total} 条）
      </figcaption>
      <div className="chart-box" ref={box}>
        <canvas ref={canvas} role="img" aria-label={`${series.title}图表，数据见下方表格`}>
          {series.title}，数据见下方表格。
        </canvas>
      </div>
      <details className="chart-table">
        <summary>数据表：{series.title}</summary>
        <div className="table-wrap">
          <table>
            <caption>{series.title}</caption>
            <thead>
              <tr>
                <th scope="col">{series.labelHeader}</th>
                <th scope="col">意见数</th>
              </tr>
            </thead>
            <tbody>
              {series.rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {image ? (
        <p>
          <a className="button secondary" href={image} download={`${series.id}.png`}>
            下载图片<span className="visually-hidden">：{series.title}</span>
          </a>
        </p>
      ) : null}
    </figure>
  );
}
