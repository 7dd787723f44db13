// One curve of the benchmark as a static SVG, drawn by Apache ECharts' server-side renderer (no
// browser, no DOM; docs/decisions/064-benchmark-curves-and-report.md): throughput on the left axis,
// p99 on the right, the data size on a log axis. A dev tool's chart: the app's own charts stay HTML
// (docs/decisions/055-charts-that-fit-a-phone.md).
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Curve } from "./report";

echarts.use([LineChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART = { width: 460, height: 280 } as const;

/** The SVG markup; each point is a symbol carrying `ecmeta_series_index` (0 req/s, 1 p99) and `ecmeta_data_index`. */
export function curveChartSvg(curve: Curve): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...CHART });
  const sizes = curve.points.map((p) => p.size);
  try {
    chart.setOption({
      animation: false,
      color: ["#0969da", "#bc4c00"], // blue and orange: told apart in every common colour blindness
      aria: { enabled: true, label: { description: `${curve.title}: req/s and p99 latency by ${curve.unit}` } },
      legend: { top: 0, data: ["req/s", "p99 ms"] },
      grid: { left: 56, right: 56, top: 36, bottom: 48 },
      xAxis: {
        type: "log",
        logBase: 10,
        min: Math.min(...sizes),
        max: Math.max(...sizes),
        name: curve.unit,
        nameLocation: "middle",
        nameGap: 28,
      },
      yAxis: [
        { type: "value", name: "req/s", min: 0 },
        { type: "value", name: "p99 ms", min: 0, splitLine: { show: false } },
      ],
      series: [
        { name: "req/s", type: "line", symbolSize: 7, data: curve.points.map((p) => [p.size, p.rps]) },
        {
          name: "p99 ms",
          type: "line",
          yAxisIndex: 1,
          symbol: "rect",
          symbolSize: 7,
          lineStyle: { type: "dashed" },
          data: curve.points.map((p) => [p.size, p.p99]),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose(); // or its animation timer keeps the process alive
  }
}
