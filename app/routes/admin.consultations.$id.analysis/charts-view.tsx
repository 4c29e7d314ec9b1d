import type { ChartSeries } from "~/features/analysis/index.server";
import { ChartFigure } from "~/ui/chart-figure";

/** The five charts, each with its table; the figures count the comments the last analysis covered. */
export function ChartsView({ charts }: { charts: ChartSeries[] }) {
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">统计图表</h2>
      <p className="hint">
        统计范围为最近一次分析所涵盖、且符合筛选条件的意见。一条意见可涉及多个条款，因此各条款的意见数之和可能多于意见总数。图表需要浏览器启用
        JavaScript；每张图表下方的数据表列出同样的数字。
      </p>
      <div className="chart-grid">
        {charts.map((series) => (
          <ChartFigure
            key={series.id}
            chart={{ ...series, id: `chart-${series.id}`, horizontal: series.kind === "bar" && series.id !== "per-stance" }}
            downloadable
          />
        ))}
      </div>
    </section>
  );
}
