/**
 * Chart configurations and colours for the reallocation scenarios, built from plain rows.
 */
import type { ChartConfiguration } from 'chart.js';
import { barChart, bars, normMarks, round1, round2 } from './common';

/**
 * Light, distinct unit colours (dark text stays readable on each); the stack plan and its legend
 * use the same colour for a unit. Units beyond the palette reuse it in order.
 */
export const UNIT_COLOURS = [
	'#93c5fd',
	'#fca5a5',
	'#86efac',
	'#fcd34d',
	'#c4b5fd',
	'#f9a8d4',
	'#5eead4',
	'#fdba74',
	'#bef264',
	'#a5b4fc',
	'#d8b4fe',
	'#7dd3fc',
	'#fde68a',
	'#99f6e4'
] as const;

/** The colour of the unit at position `index` of the instance. Example: unitColour(0) = '#93c5fd'. */
export function unitColour(index: number): string {
	return UNIT_COLOURS[((index % UNIT_COLOURS.length) + UNIT_COLOURS.length) % UNIT_COLOURS.length];
}

/** One scenario's figures in the comparison. */
export interface ScenarioCompareRow {
	name: string;
	unplaced: number;
	moved: number;
	buildingsPerUnit: number;
	/** m² per placed person; null when nobody is placed. */
	areaPerPersonM2: number | null;
	normM2PerPerson: number;
}

/**
 * Scenarios side by side: unplaced people and people moved as bars (left axis, people), the mean
 * number of buildings per unit as points on the right axis.
 *
 * Example: [{ name: 'PA1', unplaced: 54, moved: 56, buildingsPerUnit: 1.14, … }] → labels
 * ['PA1'], datasets [54], [56] and [1.14].
 */
export function scenarioPeopleConfig(
	rows: ScenarioCompareRow[],
	labels: { unplaced: string; moved: string; buildings: string; people: string }
): ChartConfiguration<'bar' | 'line'> {
	return barChart(
		rows.map((r) => r.name),
		[
			bars(
				labels.unplaced,
				rows.map((r) => r.unplaced),
				'#dc2626',
				'y'
			),
			bars(
				labels.moved,
				rows.map((r) => r.moved),
				'#2563eb',
				'y'
			),
			{
				type: 'line',
				label: labels.buildings,
				data: rows.map((r) => round2(r.buildingsPerUnit)),
				borderColor: '#059669',
				backgroundColor: '#059669',
				showLine: false,
				pointRadius: 7,
				pointStyle: 'rectRot',
				yAxisID: 'y1'
			}
		],
		{
			scales: {
				y: {
					beginAtZero: true,
					ticks: { precision: 0 },
					title: { display: true, text: labels.people }
				},
				y1: {
					beginAtZero: true,
					position: 'right',
					grid: { drawOnChartArea: false },
					title: { display: true, text: labels.buildings }
				}
			}
		}
	);
}

/**
 * Mean area per placed person of each scenario (bars) against the ward's mean norm (marks).
 *
 * Example: [{ name: 'PA1', areaPerPersonM2: 21.84, normM2PerPerson: 16.14, … }] → bars [21.8]
 * and marks [16.1].
 */
export function scenarioAreaConfig(
	rows: ScenarioCompareRow[],
	labels: { area: string; norm: string }
): ChartConfiguration<'bar' | 'line'> {
	return barChart(
		rows.map((r) => r.name),
		[
			bars(
				labels.area,
				rows.map((r) => (r.areaPerPersonM2 === null ? 0 : round1(r.areaPerPersonM2))),
				'#7c3aed'
			),
			normMarks(
				labels.norm,
				rows.map((r) => round1(r.normM2PerPerson)),
				'#dc2626',
				14
			)
		],
		{ scales: { y: { beginAtZero: true } } }
	);
}

/** One unit's area given against its norm area. */
export interface UnitAreaRow {
	label: string;
	areaGivenM2: number;
	normAreaM2: number;
	/** Marked as furthest below the norm (drawn in a warning colour). */
	furthest: boolean;
}

/**
 * Area given per unit (bars; units furthest below the norm in orange) against the unit's norm
 * area (marks), in m².
 *
 * Example: [{ label: 'TT-LD', areaGivenM2: 110.04, normAreaM2: 150, furthest: false }] → bars
 * [110] coloured '#2563eb' and marks [150].
 */
export function unitAreaConfig(
	rows: UnitAreaRow[],
	labels: { given: string; norm: string; m2: string }
): ChartConfiguration<'bar' | 'line'> {
	return barChart(
		rows.map((r) => r.label),
		[
			bars(
				labels.given,
				rows.map((r) => round1(r.areaGivenM2)),
				rows.map((r) => (r.furthest ? '#ea580c' : '#2563eb'))
			),
			normMarks(
				labels.norm,
				rows.map((r) => round1(r.normAreaM2)),
				'#111827',
				12
			)
		],
		{ scales: { y: { beginAtZero: true, title: { display: true, text: labels.m2 } } } }
	);
}
