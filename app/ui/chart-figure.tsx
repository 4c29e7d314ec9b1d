import { useEffect, useRef, useState } from "react";

export interface ChartRow {
  label: string;
  value: number;
}

export interface ChartData {
  /** a page-unique id: it names the caption and the downloaded file */
  id: string;
  title: string;
  kind?: "bar" | "line";
  /** long category names read better across the page, one bar per line */
  horizontal?: boolean;
  labelHeader: string;
  rows: ChartRow[];
  /** one colour per bar, else every bar in the site's blue */
  colors?: string[];
}

/** Bars beyond this many are summed into one, so the canvas stays readable; the table lists them all. */
const MAX_BARS = 25;
const BLUE = "#0a4d8c";
const VALUE_HEADER = "意见数（条）";

function drawnRows(rows: ChartRow[]): ChartRow[] {
  if (rows.length <= MAX_BARS) return rows;
  const rest = rows.slice(MAX_BARS - 1);
  return [...rows.slice(0, MAX_BARS - 1), { label: `其他 ${rest.length} 项`, value: rest.reduce((sum, r) => sum + r.value, 0) }];
}

/**
 * One chart: a canvas drawn by chart.js in the browser only (loaded on demand, so pages without charts stay
 * light), and the same figures as a table, which is the accessible version and the fallback. Without
 * JavaScript no chart is drawn and the table stays open; once the chart is drawn the table is one click away.
 * `downloadable` adds, once drawn, a link that saves the chart as a PNG with its title on a white ground.
 */
export function ChartFigure({ chart, downloadable = false }: { chart: ChartData; downloadable?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [image, setImage] = useState<string | null>(null);
  const { id, title, kind = "bar", horizontal = false, labelHeader, rows, colors } = chart;
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  const shown = drawnRows(rows);
  const height = horizontal ? `${Math.max(12, shown.length * 2.2 + 4)}rem` : "20rem";
  // Rows are compared by value: a new array with the same figures must not redraw.
  const key = JSON.stringify([kind, horizontal, rows, colors, downloadable]);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void import("chart.js/auto").then(({ default: Chart }) => {
      if (cancelled || !canvas.current) return;
      const instance = new Chart(canvas.current, {
        type: kind,
        data: {
          labels: shown.map((r) => r.label),
          datasets: [{ label: VALUE_HEADER, data: shown.map((r) => r.value), backgroundColor: colors ?? BLUE, borderColor: BLUE, pointRadius: 3 }],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: horizontal ? "y" : "x",
          plugins: { legend: { display: false }, title: { display: downloadable, text: title, font: { size: 16 } } },
          scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
        },
        plugins: downloadable
          ? [
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
            ]
          : [],
      });
      destroy = () => instance.destroy();
      setDrawn(true);
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [key]);

  return (
    <figure className="chart-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {title}（合计 {total} 条）
      </figcaption>
      <div className="chart-canvas" hidden={!drawn} style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={`${title}的${kind === "line" ? "折线图" : "柱状图"}，数据见下方数据表`} />
      </div>
      <details open={!drawn}>
        <summary>{title}：数据表</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col">{VALUE_HEADER}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {downloadable && image ? (
        <p>
          <a className="button secondary" href={image} download={`${id}.png`}>
            下载图片<span className="visually-hidden">：{title}</span>
          </a>
        </p>
      ) : null}
    </figure>
  );
}
