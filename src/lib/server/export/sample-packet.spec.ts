/**
 * The seeded sample packet (phường Bình Trưng, from the real seed through assemble): every
 * city-facing document in Vietnamese carries no internal notation, and the tờ trình cites its
 * bases before the request and names the site.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PacketSnapshot } from '../../packet';
import { docxText, notationProblems, pdfToText } from './notation';
import { generatePacket } from './zip';
import { samplePacketSnapshot } from '../../../../tests/helpers/sample-packet';

let snap: PacketSnapshot;
beforeAll(() => {
	({ snap } = samplePacketSnapshot());
}, 60_000);

describe('the sample packet of phường Bình Trưng', () => {
	it('has no internal notation in any Vietnamese document, and the tờ trình in order', async () => {
		const zip = await JSZip.loadAsync((await generatePacket(snap, 'vi')).zip);
		const problems: string[] = [];
		let submission = '';
		for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
			const bytes = await zip.file(name)!.async('uint8array');
			let text = '';
			if (name.endsWith('.docx')) text = (await docxText(bytes)).text;
			else if (name.endsWith('.pdf')) text = pdfToText(bytes).replace(/\s+/g, ' ');
			else if (name.endsWith('.xlsx')) {
				const wb = new ExcelJS.Workbook();
				await wb.xlsx.load(bytes as unknown as ArrayBuffer);
				const cells: string[] = [];
				for (const ws of wb.worksheets) {
					cells.push(ws.name);
					ws.eachRow((r) =>
						(r.values as unknown[]).forEach((c) => typeof c === 'string' && cells.push(c))
					);
				}
				text = cells.join(' | ');
			} else continue;
			if (name === 'to-trinh.docx') submission = text;
			problems.push(...notationProblems(text).map((p) => `${name}: ${p}`));
		}
		expect(problems).toEqual([]);
		const site = snap.dossier?.site;
		expect(site?.name).toBeTruthy();
		const canCu = submission.indexOf('Căn cứ ');
		const request = submission.indexOf('II. NỘI DUNG ĐỀ NGHỊ');
		expect(canCu).toBeGreaterThan(0);
		expect(request).toBeGreaterThan(canCu);
		expect(submission.slice(request)).toContain(`Địa điểm: ${site!.name}`);
		expect(submission).toMatch(/Thành phố Hồ Chí Minh, ngày \d{2} tháng \d{2} năm \d{4}/);
		expect(submission).toContain('bằng chữ:');
	}, 120_000);
});
