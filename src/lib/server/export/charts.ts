/**
 * Charts of the packet drawn on the server by the SAME Chart.js configurations as the pages
 * (src/lib/charts), on an @napi-rs/canvas canvas (no animation, not responsive).
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { entitledVsOccupiedConfig } from '../../charts/needs';
import { contributionsConfig, smaaConfig } from '../../charts/sites';
import type { PacketSnapshot } from '../../packet';
import type { DocImage, DocLocale } from './common';
import { tinosFiles } from './fonts';

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

let ready = false;
function setup() {
	if (ready) return;
	Chart.register(...registerables);
	// The documents' serif (Tinos, metric-compatible with Times New Roman) in the charts too.
	GlobalFonts.registerFromPath(tinosFiles().normal, 'Tinos');
	Chart.defaults.font.family = 'Tinos';
	Chart.defaults.font.size = 14;
	ready = true;
}

/** Renders one configuration to a PNG of the given size (white background). */
export async function renderChart(
	config: ChartConfiguration,
	width = 900,
	height = 450
): Promise<Uint8Array> {
	return (await renderChartImages(config, width, height)).png;
}

/** PNG (for DOCX and the ZIP) and JPEG (embedded by the PDF without decoding) of a chart. */
export async function renderChartImages(
	config: ChartConfiguration,
	width = 900,
	height = 450,
	locale: DocLocale = 'vi'
): Promise<{ png: Uint8Array; jpeg: Uint8Array }> {
	setup();
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, width, height);
	const cfg = {
		...config,
		options: {
			...(config.options ?? {}),
			responsive: false,
			animation: false,
			// Tick numbers as the document's language writes them ("0,5", not "0.5").
			locale: locale === 'vi' ? 'vi-VN' : 'en-GB',
			devicePixelRatio: 1
		},
		plugins: [
			{
				id: 'white-bg',
				beforeDraw: (c: Chart) => {
					c.ctx.save();
					c.ctx.fillStyle = '#ffffff';
					c.ctx.fillRect(0, 0, c.width, c.height);
					c.ctx.restore();
				}
			}
		]
	} as ChartConfiguration;
	// Chart.js accepts any 2D context; the napi-rs context implements the canvas API.
	const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, cfg);
	try {
		chart.draw();
		const [png, jpeg] = await Promise.all([canvas.encode('png'), canvas.encode('jpeg', 90)]);
		return { png: bytes(png), jpeg: bytes(jpeg) };
	} finally {
		chart.destroy();
	}
}

const CHART_TEXT = {
	vi: {
		units: 'Diện tích làm việc theo định mức và đang sử dụng (m²)',
		entitled: 'Theo định mức',
		occupied: 'Đang sử dụng',
		contributions: 'Đóng góp của từng tiêu chí vào điểm (tổng trọng số)',
		smaa: 'SMAA: khả năng đạt từng hạng (%)',
		rank: (r: number) => `Hạng ${r}`,
		other: 'Hạng khác'
	},
	en: {
		units: 'Entitled and occupied working area (m²)',
		entitled: 'Entitled',
		occupied: 'Occupied',
		contributions: 'Contribution of each criterion (weighted sum)',
		smaa: 'SMAA rank acceptability (%)',
		rank: (r: number) => `Rank ${r}`,
		other: 'Other ranks'
	}
};

/** A label cut to 34 characters (a chart axis). */
const short = (x: string) => (x.length > 34 ? `${x.slice(0, 33).trimEnd()}…` : x);

/** The packet's charts: keys are `${section}.${name}` so documents place them in their section. */
export async function packetCharts(s: PacketSnapshot, locale: DocLocale): Promise<DocImage[]> {
	const T = CHART_TEXT[locale];
	const out: DocImage[] = [];
	const add = async (key: string, title: string, config: ChartConfiguration, w = 800, h = 400) => {
		const img = await renderChartImages(config, w, h, locale);
		out.push({ key, title, png: img.png, jpeg: img.jpeg, width: w, height: h });
	};
	// Names, not codes, on the axes: units from the needs table, sites from the map layer.
	const unitRows = s.sections
		.find((x) => x.key === 'necessity')
		?.tables.find((t) => t.key === 'units')?.rows;
	const units = s.charts.units.map((u, i) => ({
		...u,
		unit: short(String(unitRows?.[i]?.[0] ?? u.unit))
	}));
	const siteName = new Map(s.map.sites.map((x) => [x.code, short(x.name)]));
	const names = (codes: string[]) => codes.map((c) => siteName.get(c) ?? c);
	if (units.length) {
		await add(
			'necessity.units',
			T.units,
			entitledVsOccupiedConfig(units, {
				entitled: T.entitled,
				occupied: T.occupied
			}) as ChartConfiguration,
			800,
			Math.max(300, 36 * s.charts.units.length + 100)
		);
	}
	const c = s.charts.contributions;
	if (c && c.sites.length) {
		await add(
			'sites.contributions',
			T.contributions,
			contributionsConfig(names(c.sites), c.criteria, c.values) as ChartConfiguration,
			900,
			Math.max(400, 40 * c.sites.length + 160)
		);
	}
	const m = s.charts.smaa;
	if (m && m.sites.length) {
		await add(
			'sites.smaa',
			T.smaa,
			smaaConfig(names(m.sites), m.rankAcceptability, T.rank, T.other) as ChartConfiguration,
			900,
			Math.max(360, 40 * m.sites.length + 120)
		);
	}
	return out;
}
