/**
 * A small text extractor for the PDFs pdfmake/pdfkit writes (for tests): inflates the streams,
 * reads each font's ToUnicode CMap and decodes the hex glyph strings of the Tj/TJ operators.
 * Not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
	id: number;
	dict: string;
	stream: Buffer | null;
}

function objects(pdf: Uint8Array): PdfObject[] {
	const buf = Buffer.from(pdf);
	const text = buf.toString('latin1');
	const out: PdfObject[] = [];
	const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const body = m[2];
		const si = body.indexOf('stream');
		let stream: Buffer | null = null;
		let dict = body;
		if (si >= 0) {
			dict = body.slice(0, si);
			let start = m.index + m[0].indexOf(body) + si + 'stream'.length;
			if (text[start] === '\r') start++;
			if (text[start] === '\n') start++;
			const end = text.indexOf('endstream', start);
			const raw = buf.subarray(start, end);
			try {
				stream = /FlateDecode/.test(dict) ? inflateSync(raw) : raw;
			} catch {
				stream = raw;
			}
		}
		out.push({ id: Number(m[1]), dict, stream });
	}
	return out;
}

function utf16(hex: string): string {
	let s = '';
	for (let i = 0; i + 4 <= hex.length; i += 4) {
		s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
	}
	return s;
}

function parseCMap(text: string): Map<number, string> {
	const map = new Map<number, string>();
	for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
			map.set(parseInt(m[1], 16), utf16(m[2]));
		}
	}
	for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const m of block[1].matchAll(
			/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g
		)) {
			const a = parseInt(m[1], 16);
			const b = parseInt(m[2], 16);
			if (m[3].startsWith('[')) {
				const items = [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]));
				for (let c = a; c <= b; c++) map.set(c, items[c - a] ?? '');
			} else {
				const base = parseInt(m[3].slice(1, -1), 16);
				for (let c = a; c <= b; c++) map.set(c, String.fromCharCode(base + c - a));
			}
		}
	}
	return map;
}

/** The text of every page, in drawing order, whitespace collapsed, NFC. */
export function pdfText(pdf: Uint8Array): string {
	const objs = objects(pdf);
	const byId = new Map(objs.map((o) => [o.id, o]));
	const fontCMap = new Map<number, Map<number, string>>();
	for (const o of objs) {
		const m = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
		const cm = m ? byId.get(Number(m[1])) : undefined;
		if (m && cm?.stream) fontCMap.set(o.id, parseCMap(cm.stream.toString('latin1')));
	}
	const names = new Map<string, number>();
	for (const o of objs) {
		const f = /\/Font\s*<<([^>]*)>>/.exec(o.dict);
		if (f) for (const m of f[1].matchAll(/\/(\w+)\s+(\d+) 0 R/g)) names.set(m[1], Number(m[2]));
	}
	let out = '';
	for (const o of objs) {
		if (!o.stream || /\/(Subtype|Type)\s*\/(Image|XObject|FontFile|Metadata)/.test(o.dict)) {
			continue;
		}
		const s = o.stream.toString('latin1');
		if (!/T[jJ]/.test(s)) continue;
		let cmap: Map<number, string> | undefined;
		const re = /\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
		for (let m = re.exec(s); m; m = re.exec(s)) {
			if (m[1]) {
				cmap = fontCMap.get(names.get(m[1]) ?? -1);
				continue;
			}
			const hexes =
				m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [m[3]];
			for (const h of hexes) {
				for (let i = 0; i + 4 <= h.length; i += 4) {
					out += cmap?.get(parseInt(h.slice(i, i + 4), 16)) ?? '';
				}
			}
			out += ' ';
		}
	}
	return out.normalize('NFC').replace(/\s+/g, ' ');
}
