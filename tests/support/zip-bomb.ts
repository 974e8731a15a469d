/** Building ZIP archives (XLSX bombs) for the import-limit tests, without the inflated bytes. */
import zlib from 'node:zlib';

export interface ZipEntry {
	name: string;
	/** Raw-deflated bytes (method 8) or stored bytes (method 0). */
	data: Buffer;
	method?: 0 | 8;
	/** The inflated size the directory declares (may lie). */
	declared: number;
}

/** A minimal ZIP writer: local headers, data, central directory, end record (CRC left 0). */
export function zip(entries: ZipEntry[]): Uint8Array<ArrayBuffer> {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(e.method ?? 8, 8);
		local.writeUInt32LE(e.data.length, 18);
		local.writeUInt32LE(e.declared, 22);
		local.writeUInt16LE(name.length, 26);
		const cen = Buffer.alloc(46);
		cen.writeUInt32LE(0x02014b50, 0);
		cen.writeUInt16LE(20, 4);
		cen.writeUInt16LE(20, 6);
		cen.writeUInt16LE(e.method ?? 8, 10);
		cen.writeUInt32LE(e.data.length, 20);
		cen.writeUInt32LE(e.declared, 24);
		cen.writeUInt16LE(name.length, 28);
		cen.writeUInt32LE(offset, 42);
		parts.push(local, name, e.data);
		central.push(cen, name);
		offset += local.length + name.length + e.data.length;
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

/** `mb` MB of zeros, raw-deflated in 1 MB chunks (never holding the inflated bytes). */
export async function deflatedZeros(mb: number): Promise<Buffer> {
	const deflate = zlib.createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (c: Buffer) => out.push(c));
	const done = new Promise((r) => deflate.on('end', r));
	const chunk = Buffer.alloc(1024 * 1024);
	for (let i = 0; i < mb; i++) {
		if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
	}
	deflate.end();
	await done;
	return Buffer.concat(out);
}

const CONTENT_TYPES = Buffer.from(
	'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
);

/** An "XLSX" whose first sheet is `mb` MB of zeros (declared honestly). */
export async function xlsxBomb(mb: number): Promise<Uint8Array<ArrayBuffer>> {
	return zip([
		{ name: '[Content_Types].xml', data: CONTENT_TYPES, method: 0, declared: CONTENT_TYPES.length },
		{ name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(mb), declared: mb * 1024 * 1024 }
	]);
}
