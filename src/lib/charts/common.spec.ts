import { describe, expect, it } from 'vitest';
import { bars, chartOptions, normMarks, round1, round2 } from './common';
import { dangerLevelConfig } from './inventory';

describe('chart commons', () => {
	it('rounds areas to one decimal and ratios to two', () => {
		expect(round1(21.84)).toBe(21.8);
		expect(round1(16.15)).toBe(16.2);
		expect(round2(1.1428)).toBe(1.14);
	});

	it('gives every chart the shared options, the chart own settings winning', () => {
		expect(chartOptions({ indexAxis: 'y' })).toEqual({
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			indexAxis: 'y',
			plugins: { legend: { position: 'bottom' } }
		});
		// the danger-level bars hide their legend (one series)
		const config = dangerLevelConfig({ A: 1, B: 2, C: 0, D: 1, none: 3 }, (l) => l, 'Nhà');
		expect(config.options?.plugins).toEqual({ legend: { display: false } });
		expect(config.options?.animation).toBe(false);
	});

	it('draws a norm as marks without a line', () => {
		expect(normMarks('Định mức', [16.1], '#dc2626', 14)).toEqual({
			type: 'line',
			label: 'Định mức',
			data: [16.1],
			borderColor: '#dc2626',
			backgroundColor: '#dc2626',
			pointStyle: 'line',
			showLine: false,
			pointRadius: 14,
			pointBorderWidth: 3
		});
	});
});

describe('bar series', () => {
	it('puts a series on its axis only when asked', () => {
		expect(bars('Chưa bố trí', [54], '#dc2626')).toEqual({
			type: 'bar',
			label: 'Chưa bố trí',
			data: [54],
			backgroundColor: '#dc2626'
		});
		expect(bars('Chuyển chỗ', [56], '#2563eb', 'y').yAxisID).toBe('y');
	});
});
