import ExcelJS from 'exceljs';
import { translate } from '$lib/i18n';
import { download } from '$lib/server/http';
import { escapeText } from '$lib/server/io/common';
import { portfolio } from '$lib/server/proposals';
import type { RequestHandler } from './$types';

/** The portfolio across wards as a workbook. */
export const GET: RequestHandler = async ({ locals }) => {
	const L = locals.locale;
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Trụ sở';
	const ws = wb.addWorksheet('Portfolio');
	ws.addRow([
		translate(L, 'proposals.queue.ward'),
		translate(L, 'proposals.status'),
		translate(L, 'proposals.version', { n: '' }).trim(),
		translate(L, 'proposals.portfolio.shortfall'),
		translate(L, 'proposals.portfolio.ratio'),
		'VND',
		translate(L, 'proposals.portfolio.site'),
		translate(L, 'proposals.portfolio.score'),
		translate(L, 'proposals.portfolio.condition')
	]).font = { bold: true };
	for (const r of portfolio(locals.db)) {
		ws.addRow([
			escapeText(r.wardName),
			r.status,
			r.version,
			r.shortfallM2,
			r.ratioToNorm,
			r.totalVnd,
			r.siteCode ? escapeText(`${r.siteCode} ${r.siteName}`) : null,
			r.siteScore,
			r.buildingsCorD
		]);
	}
	[30, 14, 10, 16, 12, 20, 36, 12, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	// The decimals policy: areas 1, scores 3.
	ws.getColumn(4).numFmt = '#,##0.0';
	ws.getColumn(5).numFmt = '0.0%';
	ws.getColumn(8).numFmt = '0.000';
	ws.getColumn(6).numFmt = '#,##0';
	const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
	return download(buf, 'xlsx', 'portfolio');
};
