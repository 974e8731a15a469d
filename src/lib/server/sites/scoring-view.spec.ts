import { describe, expect, it } from 'vitest';
import { sensitivityPart } from './scoring-view';

type Sweep = Parameters<typeof sensitivityPart>[0][number];

/** A criterion's sweep over the weights 0, 0.5, 1 with two sites. */
const sweep = (criterion: string, switches: Sweep['switches']): Sweep =>
	({
		criterion,
		baseWeight: 0.25,
		switches,
		grid: [0, 0.5, 1],
		series: [
			{ code: 'KD-01', scores: [0.123456, 0.5, 0.87654] },
			{ code: 'KD-02', scores: [0.2, 0.40005, 1] }
		]
	}) as Sweep;

describe('sensitivityPart (the sensitivity page)', () => {
	const all = [
		sweep('area', []),
		sweep('cost', [{ weight: 0.6, from: 'KD-01', to: 'KD-02' }]),
		sweep('flood', [{ weight: 0.1, from: 'KD-02', to: 'KD-01' }])
	];

	it('charts the criterion asked, else the first whose weight changes the first place', () => {
		expect(sensitivityPart(all, 'flood').sensitivityChart?.criterion).toBe('flood');
		expect(sensitivityPart(all, 'area').sensitivityChart?.criterion).toBe('area');
		expect(sensitivityPart(all, null).sensitivityChart?.criterion).toBe('cost');
		expect(sensitivityPart(all, 'unknown').sensitivityChart?.criterion).toBe('cost');
		expect(sensitivityPart([sweep('area', [])], null).sensitivityChart?.criterion).toBe('area');
		expect(sensitivityPart([], null)).toEqual({ sensitivity: [], sensitivityChart: null });
	});

	it('sends every criterion’s switches and the chosen sweep rounded to 4 decimals', () => {
		const part = sensitivityPart(all, null);
		expect(part.sensitivity).toEqual([
			{ criterion: 'area', baseWeight: 0.25, switches: [] },
			{
				criterion: 'cost',
				baseWeight: 0.25,
				switches: [{ weight: 0.6, from: 'KD-01', to: 'KD-02' }]
			},
			{
				criterion: 'flood',
				baseWeight: 0.25,
				switches: [{ weight: 0.1, from: 'KD-02', to: 'KD-01' }]
			}
		]);
		expect(part.sensitivityChart).toEqual({
			criterion: 'cost',
			baseWeight: 0.25,
			grid: [0, 0.5, 1],
			series: [
				{ code: 'KD-01', scores: [0.1235, 0.5, 0.8765] },
				{ code: 'KD-02', scores: [0.2, 0.4001, 1] }
			]
		});
	});
});
