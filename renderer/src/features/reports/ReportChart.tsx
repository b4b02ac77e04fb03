import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { CellKind, ReportTable } from '@shared/reports/table';
import { barValue, chartModel, chartNumber, chartSummary, heatShade, percentValue, type BarsModel, type ChartModel, type HeatMapModel, type LineModel } from './chart-model';

/**
 * Issue 8 item 3: a chart beside a figure table, for the four tables people would rather look at
 * than read. Understandable without colour (BITV 2.0 / WCAG 1.4.1): every series has its own fill
 * pattern and a text legend, values are written on the bars, points and cells, the heat map's
 * cells print their number. The chart is a figure with a caption; its svg is an image whose label
 * summarises it and points to the table beside it, which holds the same figures. Fixed sizes: no
 * measuring of the parent (recharts' ResponsiveContainer), the same drawing on screen and in tests.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const model = chartModel(table);
  if (!model) return null;
  return (
    <figure className="report-chart" data-chart-kind={model.kind}>
      <figcaption>
        Diagramm: {table.title}
        <span className="report-chart-note"> – {captionNote(model)}</span>
      </figcaption>
      <ChartBody model={model} label={chartSummary(table.title, model)} />
    </figure>
  );
}

function captionNote(m: ChartModel): string {
  switch (m.kind) {
    case 'heatmap':
      return 'je dunkler die Zelle, desto mehr Vorsprachen; jede Zelle nennt ihre Zahl.';
    case 'stacked-bars':
      return 'je Standort ein Balken, die Anliegensarten als gemusterte Teile in der Reihenfolge der Tabelle (ohne Summenzeile und ohne „Davon akut mittellos“).';
    case 'grouped-bars':
      return 'je Standort und Fachbereich zwei Balken, Median und 90. Perzentil in Minuten; ohne Balken: keine übernommene Weiterleitung.';
    case 'line':
      return 'je Woche ein Punkt mit seiner Quote; Wochen ohne entschiedene Frist haben keinen Punkt.';
  }
}

function ChartBody({ model, label }: { model: ChartModel; label: string }) {
  switch (model.kind) {
    case 'heatmap':
      return <HeatMap model={model} label={label} />;
    case 'stacked-bars':
    case 'grouped-bars':
      return <Bars model={model} label={label} />;
    case 'line':
      return <WeekLine model={model} label={label} />;
  }
}

// ——— Patterns: told apart by their structure, not by their colour ———

const INK = '#1b2a41';
const PATTERN_NAMES = ['voll', 'schräg schraffiert', 'gepunktet', 'kariert', 'waagerecht gestreift', 'hell'];

/** SVG pattern definitions, one per series, in a hidden svg beside the chart (ids are document-wide). */
function Patterns({ prefix, count }: { prefix: string; count: number }) {
  const patterns: ReactNode[] = [
    <pattern key="0" id={`${prefix}-0`} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={INK} />
    </pattern>,
    <pattern key="1" id={`${prefix}-1`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#fff" />
      <rect width="3.5" height="8" fill={INK} />
    </pattern>,
    <pattern key="2" id={`${prefix}-2`} width="7" height="7" patternUnits="userSpaceOnUse">
      <rect width="7" height="7" fill="#fff" />
      <circle cx="3.5" cy="3.5" r="1.8" fill={INK} />
    </pattern>,
    <pattern key="3" id={`${prefix}-3`} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill="#fff" />
      <path d="M0 0H8M0 0V8" stroke={INK} strokeWidth="2.5" />
    </pattern>,
    <pattern key="4" id={`${prefix}-4`} width="8" height="6" patternUnits="userSpaceOnUse">
      <rect width="8" height="6" fill="#fff" />
      <rect width="8" height="2.5" fill={INK} />
    </pattern>,
    <pattern key="5" id={`${prefix}-5`} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill="#c9d3e0" />
    </pattern>,
  ];
  return (
    <svg className="report-chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>{patterns.slice(0, Math.max(1, count))}</defs>
    </svg>
  );
}

/** A document-wide id prefix from React's useId (which may contain characters url(#…) dislikes). */
function usePrefix(): string {
  return `chart-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
}

function Legend({ prefix, series }: { prefix: string; series: { label: string }[] }) {
  return (
    <ul className="report-chart-legend" aria-label="Legende">
      {series.map((s, i) => (
        <li key={s.label}>
          <svg width="18" height="14" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="17" height="13" fill={`url(#${prefix}-${i % PATTERN_NAMES.length})`} stroke={INK} />
          </svg>
          {s.label} <span className="report-chart-pattern">({PATTERN_NAMES[i % PATTERN_NAMES.length]})</span>
        </li>
      ))}
    </ul>
  );
}

interface LabelGeometry {
  /** Not recharts': how the value is written (the table's cell kind). */
  valueKind: CellKind;
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
}

/** A value written on a bar segment, on a white box so it reads on any pattern; left out where it does not fit. */
function SegmentLabel(props: LabelGeometry) {
  const [x, y, w, h] = [Number(props.x), Number(props.y), Number(props.width), Number(props.height)];
  if (typeof props.value !== 'number' || props.value === 0 || ![x, y, w, h].every(Number.isFinite)) return null;
  const text = barValue(props.valueKind, props.value);
  const boxW = text.length * 7 + 6;
  if (w < boxW + 2 || h < 16) return null;
  const cx = x + w / 2;
  const cy = y + h / 2;
  return (
    <g>
      <rect x={cx - boxW / 2} y={cy - 8} width={boxW} height={16} rx={3} fill="#fff" stroke={INK} strokeWidth={0.5} />
      <text x={cx} y={cy} textAnchor="middle" dominantBaseline="central" fontSize={12} fill="#000">
        {text}
      </text>
    </g>
  );
}

/** A value written right of its bar. */
function EndLabel(props: LabelGeometry) {
  const [x, y, w, h] = [Number(props.x), Number(props.y), Number(props.width), Number(props.height)];
  if (typeof props.value !== 'number' || ![x, y, w, h].every(Number.isFinite)) return null;
  return (
    <text x={x + w + 4} y={y + h / 2} dominantBaseline="central" fontSize={12} fill="#000">
      {barValue(props.valueKind, props.value)}
    </text>
  );
}

const CHART_WIDTH = 640;
const TICK = { fontSize: 12, fill: '#222' };

function Bars({ model, label }: { model: BarsModel; label: string }) {
  const prefix = usePrefix();
  const stacked = model.kind === 'stacked-bars';
  const perCategory = stacked ? 40 : 16 * model.series.length + 18;
  const height = 60 + perCategory * model.data.length;
  const axisWidth = stacked ? 140 : 230;
  return (
    <>
      <Patterns prefix={prefix} count={model.series.length} />
      <BarChart
        width={CHART_WIDTH}
        height={height}
        data={model.data}
        layout="vertical"
        margin={{ top: 8, right: 48, bottom: 24, left: 8 }}
        accessibilityLayer={false}
        role="img"
        aria-label={label}
        barCategoryGap={stacked ? 8 : 6}
      >
        <CartesianGrid horizontal={false} stroke="#bbb" strokeDasharray="2 4" />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={TICK}
          tickFormatter={(v: number) => chartNumber(v)}
          label={{ value: model.valueLabel, position: 'insideBottom', offset: -16, fontSize: 12, fill: '#222' }}
        />
        <YAxis type="category" dataKey="name" width={axisWidth} tick={TICK} interval={0} />
        {model.series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? 'all' : undefined}
            fill={`url(#${prefix}-${i % PATTERN_NAMES.length})`}
            stroke={INK}
            strokeWidth={1}
            isAnimationActive={false}
          >
            <LabelList dataKey={s.key} content={(p: Omit<LabelGeometry, 'valueKind'>) => (stacked ? <SegmentLabel {...p} valueKind={model.valueKind} /> : <EndLabel {...p} valueKind={model.valueKind} />)} />
          </Bar>
        ))}
      </BarChart>
      <Legend prefix={prefix} series={model.series} />
    </>
  );
}

/** The on-time rate as a line with square points; each point carries its value. */
function WeekLine({ model, label }: { model: LineModel; label: string }) {
  const series = model.series[0]!;
  return (
    <>
      <LineChart
        width={CHART_WIDTH}
        height={280}
        data={model.data}
        margin={{ top: 28, right: 32, bottom: 24, left: 8 }}
        accessibilityLayer={false}
        role="img"
        aria-label={label}
      >
        <CartesianGrid stroke="#bbb" strokeDasharray="2 4" />
        <XAxis dataKey="name" tick={TICK} interval="preserveStartEnd" padding={{ left: 40, right: 40 }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={TICK} unit=" %" width={56} />
        <Line
          dataKey={series.key}
          name={series.label}
          stroke={INK}
          strokeWidth={2}
          dot={{ r: 4, fill: INK, stroke: INK }}
          connectNulls={false}
          isAnimationActive={false}
        >
          <LabelList dataKey={series.key} position="top" fontSize={12} fill="#000" formatter={(v: unknown) => (typeof v === 'number' ? percentValue(v) : '')} />
        </Line>
      </LineChart>
      <ul className="report-chart-legend" aria-label="Legende">
        <li>
          <svg width="24" height="14" aria-hidden="true" focusable="false">
            <line x1="0" y1="7" x2="24" y2="7" stroke={INK} strokeWidth="2" />
            <circle cx="12" cy="7" r="4" fill={INK} />
          </svg>
          {series.label} (Linie mit Punkten)
        </li>
      </ul>
    </>
  );
}

const CELL_W = 64;
const CELL_H = 30;
const ROW_HEAD = 40;
const COL_HEAD = 22;

/** Weekday × hour as a grid of grey cells (recharts has no heat map); every cell prints its number. */
function HeatMap({ model, label }: { model: HeatMapModel; label: string }) {
  const width = ROW_HEAD + CELL_W * model.columns.length + 1;
  const height = COL_HEAD + CELL_H * model.rows.length + 1;
  const hour = (l: string) => l.replace(/ Uhr$/, '');
  return (
    <>
      <svg className="report-heatmap" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        {model.columns.map((c, j) => (
          <text key={c} x={ROW_HEAD + CELL_W * j + CELL_W / 2} y={COL_HEAD / 2} textAnchor="middle" dominantBaseline="central" fontSize={12} fill="#222">
            {hour(c)}
          </text>
        ))}
        {model.rows.map((r, i) => (
          <g key={r}>
            <text x={ROW_HEAD - 6} y={COL_HEAD + CELL_H * i + CELL_H / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fill="#222">
              {r}
            </text>
            {model.values[i]!.map((v, j) => {
              const shade = heatShade(v, model.max);
              const x = ROW_HEAD + CELL_W * j;
              const y = COL_HEAD + CELL_H * i;
              return (
                <g key={j} data-value={v}>
                  <rect x={x + 0.5} y={y + 0.5} width={CELL_W} height={CELL_H} fill={`rgb(${shade.level},${shade.level},${shade.level})`} stroke="#767676" />
                  <text x={x + CELL_W / 2} y={y + CELL_H / 2} textAnchor="middle" dominantBaseline="central" fontSize={13} fill={shade.text}>
                    {chartNumber(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <p className="report-chart-legend-text">
        <span className="report-heat-swatch" style={{ background: '#fff' }} aria-hidden="true" /> hell: keine oder wenige Vorsprachen ·{' '}
        <span className="report-heat-swatch" style={{ background: 'rgb(51,51,51)' }} aria-hidden="true" /> dunkel: die meisten ({chartNumber(model.max)})
      </p>
    </>
  );
}
