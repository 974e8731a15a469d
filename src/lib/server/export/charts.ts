/**
 * Charts of the packet drawn on the server by the SAME Chart.js configurations as the pages
 * (src/lib/charts), on an @napi-rs/canvas canvas (no animation, not responsive).
 */
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { entitledVsOccupiedConfig } from '../../charts/needs';
import { contributionsConfig, smaaConfig } from '../../charts/sites';
import type { PacketSnapshot } from '../../packet';
import type { DocImage, DocLocale } from './common';

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

let ready = false;
function setup() {
	if (ready) return;
	Chart.register(...registerables);
	const require = createRequire(import.meta.url);
	const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
	if (fonts.Roboto.normal) GlobalFonts.registerFromPath(fonts.Roboto.normal, 'Roboto');
	Chart.defaults.font.family = 'Roboto';
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
	height = 450
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

/** The packet's charts: keys are `${section}.${name}` so documents place them in their section. */
export async function packetCharts(s: PacketSnapshot, locale: DocLocale): Promise<DocImage[]> {
	const T = CHART_TEXT[locale];
	const out: DocImage[] = [];
	const add = async (key: string, title: string, config: ChartConfiguration, w = 800, h = 400) => {
		const img = await renderChartImages(config, w, h);
		out.push({ key, title, png: img.png, jpeg: img.jpeg, width: w, height: h });
	};
	if (s.charts.units.length) {
		await add(
			'necessity.units',
			T.units,
			entitledVsOccupiedConfig(s.charts.units, {
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
			contributionsConfig(c.sites, c.criteria, c.values) as ChartConfiguration
		);
	}
	const m = s.charts.smaa;
	if (m && m.sites.length) {
		await add(
			'sites.smaa',
			T.smaa,
			smaaConfig(m.sites, m.rankAcceptability, T.rank, T.other) as ChartConfiguration
		);
	}
	return out;
}
