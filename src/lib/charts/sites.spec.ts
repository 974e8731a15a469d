import { describe, expect, it } from 'vitest';
import { contributionsConfig, scoreColour, sensitivityConfig, smaaConfig } from './sites';

describe('site charts', () => {
	it('stacks one dataset per criterion with one bar per site', () => {
		const c = contributionsConfig(
			['P2', 'P5'],
			['Diện tích', 'Chi phí'],
			[
				[0.1, 0.35],
				[0.2, 0.123456]
			]
		);
		expect(c.type).toBe('bar');
		expect(c.data.labels).toEqual(['P2', 'P5']);
		expect(c.data.datasets.map((d) => d.label)).toEqual(['Diện tích', 'Chi phí']);
		expect(c.data.datasets[1].data).toEqual([0.35, 0.1235]);
		expect(c.options?.indexAxis).toBe('y');
		expect(c.options?.scales?.x).toMatchObject({ stacked: true, max: 1 });
	});

	it('shows SMAA shares in % for the first ranks and groups the others', () => {
		const c = smaaConfig(
			['A', 'B'],
			[
				[0.8, 0.15, 0.05],
				[0.2, 0.85, 0]
			],
			(n) => `Hạng ${n}`,
			'Khác',
			1
		);
		expect(c.data.datasets.map((d) => d.label)).toEqual(['Hạng 1', 'Khác']);
		expect(c.data.datasets[0].data).toEqual([80, 20]);
		expect(c.data.datasets[1].data).toEqual([20, 85]);
		const all = smaaConfig(['A'], [[0.5, 0.5]], (n) => `R${n}`, 'Khác', 5);
		expect(all.data.datasets.map((d) => d.label)).toEqual(['R1', 'R2']);
	});

	it('draws the sweep in % with the current weight as a vertical line', () => {
		const c = sensitivityConfig(
			[0, 0.5, 1],
			[{ label: 'P2', scores: [0.2, 0.5, 0.9] }],
			0.12,
			'Hiện tại'
		);
		expect(c.type).toBe('line');
		expect(c.data.datasets[0].data).toEqual([
			{ x: 0, y: 0.2 },
			{ x: 50, y: 0.5 },
			{ x: 100, y: 0.9 }
		]);
		expect(c.data.datasets[1]).toMatchObject({
			label: 'Hiện tại',
			data: [
				{ x: 12, y: 0.2 },
				{ x: 12, y: 0.9 }
			]
		});
	});

	it('colours scores from red to green, grey when not scored', () => {
		expect(scoreColour(0)).toBe('#dc2626');
		expect(scoreColour(0.5)).toBe('#f59e0b');
		expect(scoreColour(1)).toBe('#16a34a');
		expect(scoreColour(2)).toBe('#16a34a');
		expect(scoreColour(null)).toBe('#9ca3af');
	});
});
