/**
 * Chart configurations of the space needs, built from plain rows by pure functions (the page
 * draws them with Chart.js; the proposal documents can draw them on a server canvas).
 */
import type { ChartConfiguration } from 'chart.js';
import { barChart, round1 } from './common';
import type { DangerLevel } from '../constants';
import { DANGER_COLOURS } from './inventory';

export interface UnitNeedsRow {
	unit: string;
	entitledM2: number;
	occupiedM2: number;
}

/**
 * Grouped bars per unit: entitled working area (norm) and occupied area; an occupied bar below
 * its entitlement is drawn in red (shortfall).
 * Example: [{ unit: 'VP', entitledM2: 264, occupiedM2: 110 }] → labels ['VP'], data [264] and [110].
 */
export function entitledVsOccupiedConfig(
	rows: readonly UnitNeedsRow[],
	labels: { entitled: string; occupied: string }
): ChartConfiguration<'bar'> {
	return barChart(
		rows.map((r) => r.unit),
		[
			{
				label: labels.entitled,
				data: rows.map((r) => round1(r.entitledM2)),
				backgroundColor: '#94a3b8'
			},
			{
				label: labels.occupied,
				data: rows.map((r) => round1(r.occupiedM2)),
				backgroundColor: rows.map((r) => (r.occupiedM2 < r.entitledM2 ? '#dc2626' : '#2563eb'))
			}
		],
		{
			indexAxis: 'y',
			scales: { x: { beginAtZero: true } }
		}
	);
}

export interface BuildingWorkAreaRow {
	building: string;
	dangerLevel: DangerLevel | null;
	occupiedM2: number;
	unassignedM2: number;
}

/**
 * Stacked bars per building: working rooms assigned to a unit and not assigned; the assigned
 * part takes the colour of the building's danger level (A green … D red, grey when not surveyed).
 */
export function occupiedByBuildingConfig(
	rows: readonly BuildingWorkAreaRow[],
	labels: { occupied: string; unassigned: string }
): ChartConfiguration<'bar'> {
	return barChart(
		rows.map((r) => r.building),
		[
			{
				label: labels.occupied,
				data: rows.map((r) => round1(r.occupiedM2)),
				backgroundColor: rows.map((r) => DANGER_COLOURS[r.dangerLevel ?? 'none'])
			},
			{
				label: labels.unassigned,
				data: rows.map((r) => round1(r.unassignedM2)),
				backgroundColor: '#e2e8f0'
			}
		],
		{ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
	);
}
