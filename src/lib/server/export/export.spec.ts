import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, defaultDraft, type PacketSnapshot } from '../../packet';
import { sampleInput } from '../../../../tests/helpers/packet';
import { renderChart, packetCharts } from './charts';
import { buildDocx, A4_TWIPS, mm } from './docx';
import { mapBox, projector, renderMap } from './map';
import { buildPdf } from './pdf';
import { pdfText } from './pdf-text';
import { buildAppendixXlsx } from './xlsx';
import { generatePacket, sitesGeoJson, verifyPacketZip } from './zip';
import ExcelJS from 'exceljs';

let snap: PacketSnapshot;
beforeAll(() => {
	const d = defaultDraft('Phường Thử', '2026-11-29');
	d.submission.number = '12/TTr-UBND';
	d.submission.signerName = 'Nguyễn Văn An';
	snap = buildSnapshot(sampleInput(), d);
});

/** The national title, motto, document kind and signer every Vietnamese tờ trình carries. */
const SUBMISSION_HEAD = [
	'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
	'Độc lập - Tự do - Hạnh phúc',
	'TỜ TRÌNH',
	'Nguyễn Văn An'
];

/** Expects `text` to contain each of `parts` (a failure names the missing part). */
function expectTexts(text: string, parts: string[]): void {
	for (const part of parts) expect(text, `missing: ${part}`).toContain(part);
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

describe('DOCX (Decree 30/2020 layout)', () => {
	it('is A4 portrait with the margins in twips, Times New Roman, title, motto, number, signature', async () => {
		const bytes = await buildDocx(snap, { locale: 'vi', parts: ['submission', 'report'] });
		const zip = await JSZip.loadAsync(bytes);
		const xml = await zip.file('word/document.xml')!.async('string');
		// Two sections (tờ trình, report), each A4 portrait.
		const sects = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
		expect(sects).toHaveLength(2);
		for (const s of sects) {
			expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
			// 20 mm = 1134, 30 mm = 1701, 15 mm = 850 twips.
			expect(s).toMatch(/w:top="1134"/);
			expect(s).toMatch(/w:bottom="1134"/);
			expect(s).toMatch(/w:left="1701"/);
			expect(s).toMatch(/w:right="850"/);
			// A different first page (no number) and page numbers from page 2.
			expect(s).toContain('<w:titlePg');
			expect(s).toMatch(/<w:pgNumType w:start="1"/);
		}
		expect(A4_TWIPS).toEqual({ width: 11906, height: 16838 });
		expect(mm(20)).toBe(1134);
		expectTexts(xml, [
			'Times New Roman',
			...SUBMISSION_HEAD,
			'Số: 12/TTr-UBND',
			'TM. ỦY BAN NHÂN DÂN',
			'Nơi nhận:',
			'Thành phố Hồ Chí Minh, ngày 29 tháng 11 năm 2026'
		]);
		// The national title is 13 pt bold (26 half-points), the motto 14 pt bold.
		const nation = xml.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		const runProps = xml.slice(xml.lastIndexOf('<w:r>', nation), nation);
		expect(runProps).toContain('<w:b/>');
		expect(runProps).toMatch(/<w:sz w:val="26"\/>/);
		const motto = xml.indexOf('Độc lập - Tự do - Hạnh phúc');
		expect(xml.slice(xml.lastIndexOf('<w:r>', motto), motto)).toMatch(/<w:sz w:val="28"\/>/);
		// The header with the page number.
		const headers = Object.keys(zip.files).filter((f) => /word\/header\d+\.xml/.test(f));
		const hx = await Promise.all(headers.map((h) => zip.file(h)!.async('string')));
		expect(hx.some((h) => h.includes('PAGE') && h.includes('w:jc w:val="center"'))).toBe(true);
		// Report numbers with their trace.
		expectTexts(xml, ['SƠ BỘ TỔNG MỨC ĐẦU TƯ', '27.018.750.000 đồng']);
		// Sources in words in the appendix, no internal keys.
		expect(xml).toContain('PHỤ LỤC: NGUỒN SỐ LIỆU');
		expect(xml).not.toContain('investment.unitCostVndPerM2');
	});

	it('has an English version', async () => {
		const bytes = await buildDocx(snap, { locale: 'en', parts: ['submission'] });
		const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
		expect(xml).toContain('SOCIALIST REPUBLIC OF VIET NAM');
		expect(xml).toContain('Independence - Freedom - Happiness');
	});
});

describe('PDF', () => {
	it('has the same text: national title, motto, number, estimate, signature', async () => {
		const bytes = await buildPdf(snap, { locale: 'vi', parts: ['submission', 'report'] });
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		const text = pdfText(bytes);
		expectTexts(text, [
			...SUBMISSION_HEAD,
			'Tổng mức đầu tư sơ bộ: 27.018.750.000 đồng',
			'SƠ BỘ TỔNG MỨC ĐẦU TƯ'
		]);
		// Page 1 has no number; page 2 shows "2".
		expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Type \/Pages[\s\S]*?\/Count (\d+)/);
		const count = Number(
			/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(Buffer.from(bytes).toString('latin1'))![1]
		);
		expect(count).toBeGreaterThan(1);
	});

	it('renders to images with poppler (pdftoppm), and its text extracts with pdftotext', async () => {
		// CI installs poppler-utils (.ci/run): without it this test fails, it does not pass silently.
		try {
			execFileSync('which', ['pdftoppm'], { stdio: 'ignore' });
		} catch {
			throw new Error('pdftoppm is not installed (apt-get install poppler-utils)');
		}
		const bytes = await buildPdf(snap, { locale: 'vi', parts: ['submission', 'report'] });
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-pdf-'));
		const file = path.join(dir, 'packet.pdf');
		fs.writeFileSync(file, bytes);
		execFileSync('pdftoppm', [
			'-png',
			'-r',
			'40',
			'-f',
			'1',
			'-l',
			'2',
			file,
			path.join(dir, 'page')
		]);
		const pages = fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.png'))
			.sort();
		expect(pages).toHaveLength(2);
		for (const page of pages) {
			const png = fs.readFileSync(path.join(dir, page));
			expect(isPng(png)).toBe(true);
			// A rendered A4 page with text is far from a blank image.
			expect(png.byteLength).toBeGreaterThan(3000);
		}
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(text).toContain('Nguyễn Văn An');
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

describe('charts and map', () => {
	it('draws the same Chart.js configurations on a server canvas', async () => {
		const charts = await packetCharts(snap, 'vi');
		expect(charts.map((c) => c.key)).toEqual([
			'necessity.units',
			'sites.contributions',
			'sites.smaa'
		]);
		for (const c of charts) {
			expect(isPng(c.png)).toBe(true);
			expect(c.png.byteLength).toBeGreaterThan(2000);
		}
		const png = await renderChart(
			{ type: 'bar', data: { labels: ['a'], datasets: [{ data: [1] }] } },
			200,
			100
		);
		expect(isPng(png)).toBe(true);
	});

	it('draws the map from vector layers with an equirectangular projection', async () => {
		const box = mapBox(snap.map);
		const p = projector(box, 1000, 800);
		// West maps left of east, north above south.
		expect(p.x(box[1])).toBeLessThan(p.x(box[3]));
		expect(p.y(box[2])).toBeLessThan(p.y(box[0]));
		// 1,000 m is 1/111.32 of a degree of latitude.
		expect(p.m(1000)).toBeCloseTo(p.y(box[0]) - p.y(box[0] + 1000 / 111_320), 6);
		const img = await renderMap(snap.map, 'vi');
		expect(isPng(img.png)).toBe(true);
	});
});

describe('ZIP packet', () => {
	it('holds every file with a manifest whose hashes match', async () => {
		const g = await generatePacket(snap, 'vi', { proposalId: 3, version: 1 });
		const { manifest, bad } = await verifyPacketZip(g.zip);
		expect(bad).toEqual([]);
		const names = manifest.files.map((f) => f.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'to-trinh.docx',
				'bao-cao.docx',
				'ho-so.pdf',
				'phu-luc.xlsx',
				'dia-diem.geojson',
				'snapshot.json',
				'ban-do.png',
				'bieu-do/necessity-units.png'
			])
		);
		expect(manifest.version).toBe(1);
		// Tampering is detected.
		const zip = await JSZip.loadAsync(g.zip);
		zip.file('phu-luc.xlsx', 'changed');
		const again = await verifyPacketZip(await zip.generateAsync({ type: 'uint8array' }));
		expect(again.bad).toEqual(['phu-luc.xlsx']);
		const geo = sitesGeoJson(snap);
		expect(geo.features.find((f) => f.properties.recommended)?.properties.code).toBe('P2');
	});

	it('writes the appendices with every number and its trace', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await buildAppendixXlsx(snap, 'vi')) as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		const rows: unknown[][] = [];
		ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
		const total = rows.find((r) => r[1] === 'Tổng mức đầu tư (sơ bộ)');
		expect(total?.[2]).toBe(27_018_750_000);
		expect(String(total?.[5])).toContain('chi phí dự phòng');
		expect(wb.worksheets.map((w) => w.name)).toContain('Bảng 1 - Nhu cầu diện tích làm');
	});
});
