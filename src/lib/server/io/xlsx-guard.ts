/**
 * Limits on an uploaded XLSX (a ZIP archive) checked before the workbook library inflates it:
 * a 600 KB file can hold a 600 MB zero-filled entry (a "zip bomb"), and the upload limit only
 * counts compressed bytes.
 *
 * 1. The central directory is read (no inflating): at most `entries` entries, and the declared
 *    uncompressed sizes add up to at most `uncompressedBytes`; ZIP64 and unknown compression
 *    methods are refused.
 * 2. Declared sizes can lie, so every entry is then inflated as a stream whose output is only
 *    counted (never kept) and stopped as soon as it passes the entry's declared size; while
 *    inflating, the `<row` tags of the worksheets are counted, and more than `rows` rows stop it.
 * Only then is the workbook handed to exceljs, which inflates the same bytes again: bounded now.
 */
import zlib from 'node:zlib';
import { IoError } from './common';

export interface XlsxLimits {
	/** Entries (files) in the archive. */
	entries: number;
	/** Sum of the inflated sizes of every entry, in bytes. */
	uncompressedBytes: number;
	/** Data rows (the header row not counted) over all worksheets. */
	rows: number;
}

export const XLSX_LIMITS: XlsxLimits = {
	entries: 1000,
	uncompressedBytes: 100 * 1024 * 1024,
	rows: 50_000
};

interface Entry {
	name: string;
	method: number;
	compressedSize: number;
	uncompressedSize: number;
	localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

const corrupt = (detail: string) => new IoError('io.unreadable', { detail });
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Reads the central directory; throws IoError when it is missing, malformed or over a limit. */
export function zipEntries(data: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Entry[] {
	const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	// The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes.
	let eocd = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
		if (buf.readUInt32LE(i) === EOCD_SIG) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw corrupt('không phải tệp XLSX (ZIP)');
	const count = buf.readUInt16LE(eocd + 10);
	const cdSize = buf.readUInt32LE(eocd + 12);
	const cdOffset = buf.readUInt32LE(eocd + 16);
	if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('ZIP64');
	if (count > limits.entries) throw new IoError('io.xlsxEntries', { max: limits.entries });
	if (cdOffset + cdSize > eocd) throw corrupt('ZIP');
	const entries: Entry[] = [];
	let total = 0;
	let p = cdOffset;
	for (let k = 0; k < count; k++) {
		if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) throw corrupt('ZIP');
		const method = buf.readUInt16LE(p + 10);
		const compressedSize = buf.readUInt32LE(p + 20);
		const uncompressedSize = buf.readUInt32LE(p + 24);
		const nameLen = buf.readUInt16LE(p + 28);
		const extraLen = buf.readUInt16LE(p + 30);
		const commentLen = buf.readUInt16LE(p + 32);
		const localOffset = buf.readUInt32LE(p + 42);
		if ([compressedSize, uncompressedSize, localOffset].includes(0xffffffff)) {
			throw corrupt('ZIP64');
		}
		if (method !== 0 && method !== 8) throw corrupt(`ZIP method ${method}`);
		const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
		total += uncompressedSize;
		if (total > limits.uncompressedBytes) {
			throw new IoError('io.xlsxTooBig', { max: mb(limits.uncompressedBytes) });
		}
		entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
		p += 46 + nameLen + extraLen + commentLen;
	}
	return entries;
}

/** The compressed bytes of an entry (after its local header). */
function entryData(buf: Buffer, e: Entry): Buffer {
	const p = e.localOffset;
	if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) throw corrupt('ZIP');
	const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
	const end = start + e.compressedSize;
	if (end > buf.length) throw corrupt('ZIP');
	return buf.subarray(start, end);
}

/** Counts `<row` start tags (not `<rows…`) in text arriving in chunks. */
function rowCounter() {
	let tail = '';
	let n = 0;
	return {
		add(chunk: string): number {
			const text = tail + chunk;
			const re = /<(?:\w+:)?row[\s>/]/g;
			while (re.exec(text)) n++;
			// Keep an unfinished tag at the end so a tag split between chunks is seen once.
			const lt = text.lastIndexOf('<');
			const rest = lt < 0 ? '' : text.slice(lt);
			tail = rest.length < 16 && !/^<(?:\w+:)?row[\s>/]/.test(rest) ? rest : '';
			return n;
		},
		get count() {
			return n;
		}
	};
}

/** Inflates one entry, counting its bytes (and worksheet rows), keeping none of them. */
function inflateCounted(
	data: Buffer,
	e: Entry,
	onText: ((s: string) => void) | null
): Promise<number> {
	if (e.method === 0) {
		if (onText) onText(data.toString('latin1'));
		return Promise.resolve(data.length);
	}
	return new Promise((resolve, reject) => {
		const inflate = zlib.createInflateRaw();
		let size = 0;
		let done = false;
		const finish = (err: Error | null, n = size) => {
			if (done) return;
			done = true;
			if (err) {
				inflate.destroy();
				reject(err);
			} else resolve(n);
		};
		inflate.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > e.uncompressedSize) {
				// The entry inflates beyond what the directory declared: stop at once.
				finish(corrupt(`${e.name}: kích thước khai báo sai`));
				return;
			}
			try {
				// latin1 keeps the ASCII tags intact whatever the UTF-8 around them.
				if (onText) onText(chunk.toString('latin1'));
			} catch (err) {
				finish(err as Error);
			}
		});
		inflate.on('end', () => finish(null));
		inflate.on('error', (err) => finish(corrupt(`${e.name}: ${err.message}`)));
		inflate.end(data);
	});
}

/**
 * Checks an XLSX archive against the limits without keeping any inflated byte; throws IoError
 * (io.xlsxEntries, io.xlsxTooBig, io.tooManyRows, io.unreadable) when it must be refused.
 */
export async function checkXlsxArchive(
	data: Uint8Array,
	limits: XlsxLimits = XLSX_LIMITS
): Promise<void> {
	const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	const entries = zipEntries(buf, limits);
	const rows = rowCounter();
	// The header row is row 1 of the first sheet; every other sheet's rows count in full (a
	// looser bound is fine: the limit is about memory, not about which sheet is read).
	const maxTags = limits.rows + 1;
	for (const e of entries) {
		const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
		const onText = isSheet
			? (s: string) => {
					if (rows.add(s) > maxTags) throw new IoError('io.tooManyRows', { max: limits.rows });
				}
			: null;
		const actual = await inflateCounted(entryData(buf, e), e, onText);
		if (actual !== e.uncompressedSize) throw corrupt(`${e.name}: kích thước khai báo sai`);
	}
}
