/** What the chart configurations share: rounding, the common options and the norm marks. */

/** Areas with one decimal, ratios with two (the decimals policy). Example: round1(21.84) = 21.8. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The options of every chart (fills its box, no animation, legend below the chart) with the
 * chart's own axes and settings, which win over them.
 */
export function chartOptions<const O extends object>(own: O) {
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: false as const,
		plugins: { legend: { position: 'bottom' as const } },
		...own
	};
}

/**
 * A bar chart of `datasets` over the categories `labels`, with the shared options and the
 * chart's own (see {@link chartOptions}).
 */
export function barChart<const D extends object, const O extends object>(
	labels: string[],
	datasets: D[],
	own: O
) {
	return { type: 'bar' as const, data: { labels, datasets }, options: chartOptions(own) };
}

/**
 * A bar series, on the axis `yAxisID` when given.
 * Example: bars('Chưa bố trí', [54], '#dc2626') draws one red bar of 54.
 */
export function bars(
	label: string,
	data: number[],
	backgroundColor: string | string[],
	yAxisID?: string
) {
	return { type: 'bar' as const, label, data, backgroundColor, ...(yAxisID ? { yAxisID } : {}) };
}

/**
 * A norm drawn as a short horizontal mark over each bar (a line dataset without the line).
 * Example: normMarks('Định mức', [16.1], '#dc2626', 14) marks 16.1 over the first bar.
 */
export function normMarks(label: string, data: number[], colour: string, pointRadius: number) {
	return {
		type: 'line' as const,
		label,
		data,
		borderColor: colour,
		backgroundColor: colour,
		pointStyle: 'line' as const,
		showLine: false,
		pointRadius,
		pointBorderWidth: 3
	};
}
