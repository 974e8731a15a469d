/**
 * Chart configurations for the siting results (criterion contributions, SMAA rank
 * acceptability, one-at-a-time sensitivity) and the score colours of the map. Pure functions of
 * plain rows: the same shapes feed the page and the documents.
 */
import type { ChartConfiguration } from 'chart.js';
import { chartOptions } from './common';

/** A qualitative palette for criteria and ranks (colour-blind friendly order first). */
export const SERIES_COLOURS = [
	'#2563eb',
	'#f59e0b',
	'#16a34a',
	'#dc2626',
	'#7c3aed',
	'#0891b2',
	'#db2777',
	'#65a30d',
	'#92400e',
	'#4b5563',
	'#0f766e',
	'#a21caf'
];

export const colourAt = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length];

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A score in [0, 1] as a colour from red (0) through amber (0.5) to green (1); outside the range
 * it is clamped, and null (not scored) is grey.
 *
 * @example scoreColour(1) // '#16a34a'; scoreColour(0) // '#dc2626'; scoreColour(null) // '#9ca3af'
 */
export function scoreColour(score: number | null): string {
	if (score === null || !Number.isFinite(score)) return '#9ca3af';
	const t = Math.min(1, Math.max(0, score));
	const lerp = (a: number, b: number, u: number) => Math.round(a + (b - a) * u);
	const [r1, g1, b1] = t < 0.5 ? [0xdc, 0x26, 0x26] : [0xf5, 0x9e, 0x0b];
	const [r2, g2, b2] = t < 0.5 ? [0xf5, 0x9e, 0x0b] : [0x16, 0xa3, 0x4a];
	const u = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
	const hex = (v: number) => v.toString(16).padStart(2, '0');
	return `#${hex(lerp(r1, r2, u))}${hex(lerp(g1, g2, u))}${hex(lerp(b1, b2, u))}`;
}

/**
 * Stacked horizontal bars: one bar per site, one stack per criterion (w_c × utility), so the
 * bar length is the weighted-sum score.
 * Example: sites ['P2'], criteria ['Area', 'Cost'], [[0.1, 0.3]] → datasets 'Area' [0.1], 'Cost' [0.3].
 */
export function contributionsConfig(
	sites: string[],
	criteria: string[],
	contributions: number[][]
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: sites,
			datasets: criteria.map((label, j) => ({
				label,
				data: contributions.map((row) => round(row[j] ?? 0)),
				backgroundColor: colourAt(j)
			}))
		},
		options: chartOptions({
			indexAxis: 'y',
			scales: { x: { stacked: true, beginAtZero: true, max: 1 }, y: { stacked: true } }
		})
	};
}

/**
 * SMAA rank acceptability as stacked bars: one bar per site (shares in %), one stack per rank
 * 1 … maxRanks and, when there are more ranks, one stack for "the others".
 * Example: [[0.8, 0.2], [0.2, 0.8]], maxRanks 1 → 'Rank 1' [80, 20], 'Other' [20, 80].
 */
export function smaaConfig(
	sites: string[],
	rankAcceptability: number[][],
	rankLabel: (rank: number) => string,
	otherLabel: string,
	maxRanks = 5
): ChartConfiguration<'bar'> {
	const ranks = Math.min(maxRanks, rankAcceptability[0]?.length ?? 0);
	const datasets = Array.from({ length: ranks }, (_, r) => ({
		label: rankLabel(r + 1),
		data: rankAcceptability.map((row) => round(row[r] * 100, 1)),
		backgroundColor: colourAt(r)
	}));
	if ((rankAcceptability[0]?.length ?? 0) > ranks) {
		datasets.push({
			label: otherLabel,
			data: rankAcceptability.map((row) =>
				round(row.slice(ranks).reduce((s, x) => s + x, 0) * 100, 1)
			),
			backgroundColor: '#d1d5db'
		});
	}
	return {
		type: 'bar',
		data: { labels: sites, datasets },
		options: chartOptions({
			indexAxis: 'y',
			scales: { x: { stacked: true, beginAtZero: true, max: 100 }, y: { stacked: true } }
		})
	};
}

/**
 * Lines of the leading sites' scores as one weight sweeps 0 … 1 (x in %), with the current
 * weight drawn as a vertical dashed line (a two-point dataset).
 * Example: grid [0, 0.5, 1], series [{ label: 'P2', scores: [0.2, 0.5, 0.9] }] → x labels
 * ['0', '50', '100'] and a dataset 'P2' [0.2, 0.5, 0.9].
 */
export function sensitivityConfig(
	grid: number[],
	series: { label: string; scores: number[] }[],
	baseWeight: number,
	currentLabel: string
): ChartConfiguration<'line'> {
	const all = series.flatMap((s) => s.scores);
	const lo = all.length ? Math.min(...all) : 0;
	const hi = all.length ? Math.max(...all) : 1;
	const x = grid.map((w) => round(w * 100, 1));
	return {
		type: 'line',
		data: {
			datasets: [
				...series.map((s, i) => ({
					label: s.label,
					data: s.scores.map((y, k) => ({ x: x[k], y: round(y) })),
					borderColor: colourAt(i),
					backgroundColor: colourAt(i),
					pointRadius: 0,
					borderWidth: 2
				})),
				{
					label: currentLabel,
					data: [
						{ x: round(baseWeight * 100, 1), y: round(lo) },
						{ x: round(baseWeight * 100, 1), y: round(hi) }
					],
					borderColor: '#111827',
					backgroundColor: '#111827',
					borderDash: [4, 4],
					pointRadius: 0,
					borderWidth: 1
				}
			]
		},
		options: chartOptions({
			parsing: false,
			scales: {
				x: { type: 'linear', min: 0, max: 100, title: { display: true, text: '%' } },
				y: { beginAtZero: false }
			}
		})
	};
}

/**
 * The classes of the score colour scale ({@link scoreColour}) for a map legend: the top, the
 * middle and the bottom of the scale and the grey of sites without a score.
 * Example: scoreLegend({ high: 'Cao', mid: 'Giữa', low: 'Thấp', none: 'Bị loại' })[0] is
 * { label: 'Cao', color: '#16a34a' }.
 */
export function scoreLegend(labels: { high: string; mid: string; low: string; none: string }) {
	return [
		{ label: labels.high, color: scoreColour(1) },
		{ label: labels.mid, color: scoreColour(0.5) },
		{ label: labels.low, color: scoreColour(0) },
		{ label: labels.none, color: scoreColour(null) }
	];
}
