import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, download } from './download';

describe('download', () => {
	it('answers the format, a Vietnamese file name with its ASCII fallback, and no caching', async () => {
		const res = download(new Uint8Array([80, 75, 3, 4]), 'xlsx', 'Phường Đa Kao - cơ sở');
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('content-length')).toBe('4');
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="Phuong Da Kao - co so.xlsx"; ' +
				"filename*=UTF-8''Ph%C6%B0%E1%BB%9Dng%20%C4%90a%20Kao%20-%20c%C6%A1%20s%E1%BB%9F.xlsx"
		);
		expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([80, 75, 3, 4]);
	});

	it('counts a text body in UTF-8 bytes and keeps an extension already given', async () => {
		const res = download('mã;tên\nBT;Đa Kao\n', 'csv', 'bt-audit.csv');
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		// "mã;tên\nBT;Đa Kao\n" is 17 characters, three of them (ã ê Đ) two bytes in UTF-8.
		expect(res.headers.get('content-length')).toBe('20');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="bt-audit.csv"; filename*=UTF-8''bt-audit.csv`
		);
		expect(await res.text()).toBe('mã;tên\nBT;Đa Kao\n');
	});

	it('gives a stream no length unless told', () => {
		const stream = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
		expect(download(stream, 'sqlite', 'backup').headers.get('content-length')).toBeNull();
		const sized = download(new ReadableStream<Uint8Array>(), 'sqlite', 'backup', { size: 4096 });
		expect(sized.headers.get('content-length')).toBe('4096');
		expect(sized.headers.get('content-type')).toBe('application/vnd.sqlite3');
	});
});

describe('contentDisposition', () => {
	it('names a file shown in the page inline, with the same two names', () => {
		expect(contentDisposition('ảnh_1.jpg', 'inline')).toBe(
			`inline; filename="anh_1.jpg"; filename*=UTF-8''%E1%BA%A3nh_1.jpg`
		);
		expect(contentDisposition('a.csv')).toBe(
			`attachment; filename="a.csv"; filename*=UTF-8''a.csv`
		);
	});

	it('cannot be turned into a second header, a path or a broken quoted string', () => {
		const h = contentDisposition('a"b\\c/d\r\nSet-Cookie: x.pdf');
		expect(h).not.toMatch(/[\r\n]/);
		expect(h.startsWith('attachment; filename="a_b_c_d__Set-Cookie: x.pdf"; ')).toBe(true);
		expect(h).toContain("filename*=UTF-8''a%22b_c_d__Set-Cookie%3A%20x.pdf");
	});

	it("percent-encodes the characters RFC 5987 does not allow bare (' ( ) *)", () => {
		expect(contentDisposition("it's (1)*.pdf")).toContain(
			"filename*=UTF-8''it%27s%20%281%29%2A.pdf"
		);
	});
});

describe('asciiFileName', () => {
	it('keeps the case and turns Đ into D', () => {
		expect(asciiFileName('Đề xuất Bến Thành')).toBe('De xuat Ben Thanh');
		expect(asciiFileName('báo cáo – 2026')).toBe('bao cao _ 2026');
	});
});
