/**
 * Every city-facing document of the sample packet (DOCX, PDF, XLSX; Vietnamese and English)
 * carries no internal notation in its Vietnamese text, and the tờ trình is laid out as Decree
 * 30/2020 asks: căn cứ before the request, the site named in the request, zero-padded dates,
 * the báo cáo a document of its own, Times New Roman in the DOCX and Tinos in the PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PacketSnapshot } from '../../packet';
import { samplePacket } from '../../../../tests/helpers/packet';
import { buildDocx } from './docx';
import { buildPdf } from './pdf';
import { buildAppendixXlsx } from './xlsx';
import { generatePacket } from './zip';
import { docxText, hasPoppler, notationProblems, pdfToText } from './notation';

function pdfFonts(bytes: Uint8Array): string {
	if (!hasPoppler()) throw new Error('pdffonts is missing: install poppler-utils');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-fonts-'));
	const file = path.join(dir, 'x.pdf');
	fs.writeFileSync(file, bytes);
	try {
		return execFileSync('pdffonts', [file], { encoding: 'utf8' });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

let snap: PacketSnapshot;
beforeAll(() => {
	snap = samplePacket('2026-12-05');
});

describe('the notation check itself', () => {
	it('catches what issue 15 found in the old packet, and passes official Vietnamese', () => {
		for (const bad of [
			'lĩnh vực general/land/foreign-affairs',
			'benefit/cost',
			'needs #1 v1 · workAreaM2',
			'scenario #2 v2026-12-05T20:46:32.667Z · metrics.headcount',
			'CR = —',
			'hệ số 1.35',
			'P2 → P1',
			'tại địa điểm của Phường Thử'
		]) {
			expect(notationProblems(bad), bad).not.toEqual([]);
		}
		expect(
			notationProblems(
				'Tổng mức đầu tư sơ bộ: 27.018.750.000 đồng; hệ số 1,35; Số: 12/TTr-UBND; Nghị định 85/2025/NĐ-CP; TCVN 9381:2012. Phường Thử có 40 người.'
			)
		).toEqual([]);
	});
});

describe('every city-facing document of the sample packet', () => {
	it('has no internal notation in the Vietnamese DOCX, PDF and XLSX', async () => {
		const g = await generatePacket(snap, 'vi');
		const zip = await JSZip.loadAsync(g.zip);
		const names = Object.keys(zip.files);
		const problems: string[] = [];
		for (const n of names.filter((x) => x.endsWith('.docx'))) {
			const { text } = await docxText(await zip.file(n)!.async('uint8array'));
			problems.push(...notationProblems(text).map((p) => `${n}: ${p}`));
		}
		for (const n of names.filter((x) => x.endsWith('.pdf'))) {
			const text = pdfToText(await zip.file(n)!.async('uint8array')).replace(/\s+/g, ' ');
			problems.push(...notationProblems(text).map((p) => `${n}: ${p}`));
		}
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(
			(await zip.file('phu-luc.xlsx')!.async('uint8array')) as unknown as ArrayBuffer
		);
		for (const ws of wb.worksheets) {
			expect(notationProblems(ws.name), ws.name).toEqual([]);
			ws.eachRow((r) =>
				(r.values as unknown[]).forEach((c) => {
					if (typeof c === 'string') {
						problems.push(...notationProblems(c).map((p) => `phu-luc.xlsx/${ws.name}: ${p}`));
					}
				})
			);
		}
		expect(problems).toEqual([]);
		// The three documents each alone, in both formats, and the whole dossier.
		expect(names).toEqual(
			expect.arrayContaining([
				'to-trinh.docx',
				'bao-cao.docx',
				'cong-van-nhan-su.docx',
				'to-trinh.pdf',
				'bao-cao.pdf',
				'cong-van-nhan-su.pdf',
				'ho-so.pdf'
			])
		);
	}, 60_000);

	it('renders in English too, with no ISO timestamp or #id', async () => {
		const docx = await docxText(
			await buildDocx(snap, { locale: 'en', parts: ['submission', 'report', 'letter'] })
		);
		const pdf = pdfToText(
			await buildPdf(snap, { locale: 'en', parts: ['submission', 'report', 'letter'] })
		);
		for (const t of [docx.text, pdf]) {
			expect(t).not.toMatch(/#\d+|\d{4}-\d{2}-\d{2}T\d{2}|\b[a-z]+[A-Z][A-Za-z]*\b/);
		}
		expect(docx.text).toContain('5 December 2026');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await buildAppendixXlsx(snap, 'en')) as unknown as ArrayBuffer);
		expect(wb.worksheets.length).toBeGreaterThan(1);
	}, 60_000);
});

describe('the tờ trình', () => {
	it('cites its bases before the request, names the site, scale, money in words, funding, investor, form, schedule', async () => {
		const { text } = await docxText(await buildDocx(snap, { locale: 'vi', parts: ['submission'] }));
		const canCu = text.indexOf(
			'Căn cứ Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024 của Quốc hội;'
		);
		const request = text.indexOf('kính trình Ủy ban nhân dân Thành phố xem xét, chấp thuận');
		expect(canCu).toBeGreaterThan(0);
		expect(text.indexOf('Căn cứ Nghị định số 85/2025/NĐ-CP')).toBeGreaterThan(canCu);
		expect(request).toBeGreaterThan(text.indexOf('Căn cứ Nghị định số 85/2025/NĐ-CP'));
		const req = text.slice(request);
		expect(req).toContain(
			'Địa điểm: Khu đất 2, 12 đường Số 3, phường Thử; diện tích khu đất 3.000,0 m².'
		);
		expect(req).toContain('tổng diện tích sàn xây dựng khoảng 1.700,0 m², cao 5 tầng');
		// 1,700 m² × 9,800,000 + 6,000,000,000 + 10 % = 24,926,000,000 đồng.
		expect(req).toContain(
			'Sơ bộ tổng mức đầu tư: 24.926.000.000 đồng (bằng chữ: Hai mươi tư tỷ, chín trăm hai mươi sáu triệu đồng).'
		);
		expect(req).toContain('Nguồn vốn: Ngân sách Thành phố');
		expect(req).toContain('Chủ đầu tư: Ủy ban nhân dân phường Thử.');
		expect(req).toContain('Hình thức đầu tư: xây dựng mới.');
		expect(req).toContain('Thời gian thực hiện: từ năm 2027 đến năm 2029.');
		expect(req).toContain(
			'Báo cáo đề xuất chủ trương đầu tư số 12/BC-UBND ngày 05 tháng 12 năm 2026'
		);
		// Place and date, zero-padded; "phường" lower-case mid-sentence.
		expect(text).toContain('Thành phố Hồ Chí Minh, ngày 05 tháng 12 năm 2026');
		expect(text).not.toMatch(/(?:\p{Ll}|[,;]) Phường /u);
		expect(text).toContain('Nơi nhận:');
		expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
	});

	it('writes February and single-digit days with a leading zero, in Viet Nam’s time', async () => {
		const s2 = samplePacket('2027-02-05');
		const { text } = await docxText(await buildDocx(s2, { locale: 'vi', parts: ['submission'] }));
		expect(text).toContain('ngày 05 tháng 02 năm 2027');
		const { vnToday } = await import('../../packet');
		// 20:30 UTC on 4 December is already 5 December in Viet Nam.
		expect(vnToday(new Date('2026-12-04T20:30:00Z'))).toBe('2026-12-05');
	});
});

describe('typography', () => {
	it('DOCX: Times New Roman, body 14 pt with a first-line indent, recipients 11-12 pt, short rules', async () => {
		const { xml } = await docxText(
			await buildDocx(snap, { locale: 'vi', parts: ['submission', 'report', 'letter'] })
		);
		// Three documents, three sections, each numbered from 1 with no number on its first page.
		const sects = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
		expect(sects).toHaveLength(3);
		for (const s of sects) {
			expect(s).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
			expect(s).toContain('<w:titlePg/>');
			expect(s).toMatch(/<w:pgNumType w:start="1"/);
		}
		const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
		expect([...fonts]).toEqual(['Times New Roman']);
		// Body paragraphs: 14 pt (28 half-points), justified, first-line indent 10 mm (567).
		expect(xml).toMatch(
			/<w:ind w:firstLine="567"\/><w:jc w:val="both"\/><\/w:pPr><w:r><w:rPr><w:rFonts[^>]*\/><w:sz w:val="28"\/>/
		);
		// Recipients: the label 12 pt, each line 11 pt.
		const rec = xml.indexOf('Nơi nhận:');
		expect(xml.slice(xml.lastIndexOf('<w:r>', rec), rec)).toContain('<w:sz w:val="24"/>');
		const line = xml.indexOf('- Như trên;');
		expect(xml.slice(xml.lastIndexOf('<w:r>', line), line)).toContain('<w:sz w:val="22"/>');
		// The rules are indented paragraphs: the issuer's a third to a half of "PHƯỜNG THỬ",
		// the motto's as long as the motto (within the cell widths 3742 and 5613 twips).
		const inds = [
			...xml.matchAll(
				/<w:pBdr><w:top [^>]*\/><\/w:pBdr><w:spacing [^>]*\/><w:ind w:left="(\d+)" w:right="(\d+)"\/>/g
			)
		].map((m) => Number(m[1]));
		const { textWidthPt } = await import('./fonts');
		const issuerLine = textWidthPt('PHƯỜNG THỬ', 13, true) * 20;
		const issuerRule = 3742 - 2 * inds[0];
		expect(issuerRule / issuerLine).toBeGreaterThanOrEqual(1 / 3);
		expect(issuerRule / issuerLine).toBeLessThanOrEqual(1 / 2);
		const mottoRule = 5613 - 2 * inds[1];
		expect(
			Math.abs(mottoRule - textWidthPt('Độc lập - Tự do - Hạnh phúc', 14, true) * 20)
		).toBeLessThan(3);
		expect(mottoRule).toBeLessThan(5613 * 0.8);
	});

	it('PDF: Tinos embedded in four styles, A4, page numbers from page 2 of each document', async () => {
		const bytes = await buildPdf(snap, { locale: 'vi', parts: ['submission', 'report', 'letter'] });
		const fonts = pdfFonts(bytes);
		for (const f of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) {
			expect(fonts).toMatch(new RegExp(`\\+${f}\\s+CID TrueType\\s+Identity-H\\s+yes`));
		}
		expect(fonts).not.toMatch(/Roboto/);
		// Each document starts at page 1: the first line of each of its pages.
		const pages = pdfToText(bytes, ['-layout'])
			.split('\f')
			.filter((p) => p.trim());
		const firstLine = pages.map((p) =>
			p
				.split('\n')
				.find((l) => l.trim())!
				.trim()
		);
		const starts = firstLine
			.map((l, i) => (l.startsWith('ỦY BAN NHÂN DÂN') ? i : -1))
			.filter((i) => i >= 0);
		expect(starts).toHaveLength(3);
		expect(starts[0]).toBe(0);
		// The báo cáo is a document of its own: its first page is unnumbered, its second is "2".
		expect(pages[starts[1]]).toContain('BÁO CÁO');
		expect(pages[starts[1]]).toContain('Số: 12/BC-UBND');
		expect(firstLine[starts[1] + 1]).toBe('2');
		expect(pages[starts[2]]).toContain('Kính gửi: Sở Nội vụ Thành phố Hồ Chí Minh.');
		const info = execFileSync('pdfinfo', ['-'], { input: Buffer.from(bytes), encoding: 'utf8' });
		expect(info).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
	}, 60_000);
});

describe('the staffing letter', () => {
	it('lists the vacancies by position under the fields and the support asked', async () => {
		const { text } = await docxText(await buildDocx(snap, { locale: 'vi', parts: ['letter'] }));
		expect(text).toContain('Số: 12/UBND-NV');
		expect(text).toContain('V/v đề nghị hỗ trợ nhân sự theo lĩnh vực');
		expect(text).toContain('Kính gửi: Sở Nội vụ Thành phố Hồ Chí Minh.');
		expect(text).toContain('Đất đai Chuyên viên quản lý đất đai Phòng Kinh tế 4 1 3');
		expect(text).toContain('2 người thuộc lĩnh vực đất đai, thời gian 12 tháng');
	});
});

describe('the short-term arrangement', () => {
	it('is told from the units of the applied arrangement when there are no scenario figures', async () => {
		const { generatedParagraphs } = await import('../../packet');
		const s2 = {
			...snap,
			sections: snap.sections.map((x) => (x.key === 'arrangement' ? { ...x, numbers: {} } : x))
		};
		// 20 + 18 of 20 + 20 seated on 200 + 160 m² against 300 + 300 m².
		expect(generatedParagraphs(s2, 'arrangement', 'vi')[0]).toBe(
			'Trong thời gian chờ đầu tư, phường đã áp dụng phương án bố trí trước mắt tại các cơ sở hiện có: 38 người trên 40 người có chỗ làm việc, với tổng diện tích 360,0 m² so với định mức 600,0 m².'
		);
	});
});

describe('each document alone', () => {
	it('downloads the staffing letter, the báo cáo and the tờ trình each as its own file', async () => {
		const { packetBytes, parsePacketExt } = await import('./respond');
		expect(parsePacketExt('letter.pdf')).toBe('letter.pdf');
		expect(parsePacketExt('report.docx')).toBe('report.docx');
		expect(parsePacketExt('letter.exe')).toBeNull();
		const letter = pdfToText(await packetBytes(snap, 'letter.pdf', 'vi'));
		expect(letter).toContain('Kính gửi: Sở Nội vụ Thành phố Hồ Chí Minh.');
		expect(letter).not.toContain('TỜ TRÌNH');
		const report = await docxText(await packetBytes(snap, 'report.docx', 'vi'));
		expect(report.text).toContain('Số: 12/BC-UBND');
		expect(report.text).not.toContain('Số: 12/TTr-UBND');
	}, 60_000);
});
