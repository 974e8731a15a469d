/**
 * Chart configurations for the inventory, built from plain rows. The same functions feed the
 * page (Chart.js in the browser) and the documents (Chart.js on a server canvas).
 */
import type { ChartConfiguration } from 'chart.js';
import { barChart, bars, chartOptions, normMarks, round1 } from './common';
import { DANGER_LEVELS, ROOM_TYPES, type DangerLevel, type RoomType } from '../constants';

export const DANGER_COLOURS: Record<DangerLevel | 'none', string> = {
	A: '#16a34a',
	B: '#eab308',
	C: '#f97316',
	D: '#dc2626',
	none: '#9ca3af'
};

const TYPE_COLOURS: Record<RoomType, string> = {
	office: '#2563eb',
	meeting: '#7c3aed',
	reception: '#0891b2',
	'one-stop': '#059669',
	hall: '#d97706',
	archive: '#92400e',
	it: '#4b5563',
	store: '#a3a3a3',
	toilet: '#cbd5e1',
	corridor: '#e2e8f0',
	other: '#f472b6'
};

export interface AreaRow {
	building: string;
	type: RoomType;
	areaM2: number;
}

/**
 * Stacked bars: one bar per building, one stack per room type.
 * Example: [{ building: 'A', type: 'office', areaM2: 30 }] → labels ['A'], a dataset 'office' [30].
 */
export function areaByBuildingConfig(
	rows: AreaRow[],
	typeLabel: (t: RoomType) => string
): ChartConfiguration<'bar'> {
	const buildings = [...new Set(rows.map((r) => r.building))];
	const index = new Map(buildings.map((b, i) => [b, i]));
	const types = ROOM_TYPES.filter((t) => rows.some((r) => r.type === t));
	const datasets = types.map((type) => {
		const data = buildings.map(() => 0);
		for (const r of rows) if (r.type === type) data[index.get(r.building)!] += r.areaM2;
		return {
			label: typeLabel(type),
			data: data.map(round1),
			backgroundColor: TYPE_COLOURS[type]
		};
	});
	return {
		type: 'bar',
		data: { labels: buildings, datasets },
		options: chartOptions({
			scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } }
		})
	};
}

/** Bars of building counts per danger level A-D and "not surveyed". */
export function dangerLevelConfig(
	counts: Record<DangerLevel | 'none', number>,
	label: (l: DangerLevel | 'none') => string,
	seriesLabel: string
): ChartConfiguration<'bar'> {
	const keys = [...DANGER_LEVELS, 'none'] as const;
	return barChart(
		keys.map(label),
		[
			{
				label: seriesLabel,
				data: keys.map((k) => counts[k] ?? 0),
				backgroundColor: keys.map((k) => DANGER_COLOURS[k])
			}
		],
		{
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
			plugins: { legend: { display: false } }
		}
	);
}

export interface UnitAreaRow {
	unit: string;
	occupiedM2: number;
	people: number;
	normM2PerPerson: number;
}

/** Occupied m² per person per unit (bars) against the unit's norm (line). */
export function areaPerPersonConfig(
	rows: UnitAreaRow[],
	labels: { occupied: string; norm: string }
): ChartConfiguration<'bar' | 'line'> {
	return barChart(
		rows.map((r) => r.unit),
		[
			bars(
				labels.occupied,
				rows.map((r) => (r.people > 0 ? round1(r.occupiedM2 / r.people) : 0)),
				'#2563eb'
			),
			normMarks(
				labels.norm,
				rows.map((r) => round1(r.normM2PerPerson)),
				'#dc2626',
				10
			)
		],
		{
			indexAxis: 'x',
			scales: { y: { beginAtZero: true } }
		}
	);
}
