/**
 * Photo uploads: a pixel limit checked from the image header before anything is decoded. A PNG
 * of 16,000 × 16,000 px (256 MP) fits in a few tens of KB and cost 2.6 s of CPU to decode.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { MAX_PHOTO_MEGAPIXELS, PhotoError, storePhotos } from './photos';

/** A 1-bit grayscale PNG of width × height, all black, built chunk by chunk (CRCs included). */
function blankPng(width: number, height: number): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf: Buffer) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const c = Buffer.alloc(4);
		c.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 1; // bit depth
	ihdr[9] = 0; // grayscale
	// One filter byte (0) and ceil(width / 8) zero bytes per row.
	const raw = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const file = (bytes: Buffer, name: string) =>
	new File([new Uint8Array(bytes)], name, { type: 'image/png' });

let dir = '';
beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-photos-'));
	process.env.UPLOAD_DIR = dir;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the photo pixel limit', () => {
	it('is 40 megapixels', () => expect(MAX_PHOTO_MEGAPIXELS).toBe(40));

	it('refuses a 16,000 × 16,000 PNG from its header, fast, and stores nothing', async () => {
		const bomb = blankPng(16_000, 16_000);
		expect(bomb.length).toBeLessThan(100 * 1024);
		expect(await sharp(bomb).metadata()).toMatchObject({ width: 16_000, height: 16_000 });
		let err: unknown = null;
		try {
			await storePhotos([file(bomb, 'bomb.png')], 1);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(PhotoError);
		const e = err as PhotoError;
		expect(e.key).toBe('err.photoPixels');
		expect(translate('vi', e.key, e.params)).toBe(
			'Ảnh quá lớn: 256 megapixel (tối đa 40 megapixel). Hãy giảm kích thước ảnh rồi tải lại.'
		);
		expect(fs.readdirSync(dir)).toEqual([]);
	});

	it('accepts 40 MP exactly (8,000 × 5,000) and refuses one pixel row more', async () => {
		const [ok] = await storePhotos([file(blankPng(8000, 5000), 'ok.png')], 1);
		expect(ok).toMatchObject({ contentType: 'image/png', width: 2400, height: 1500 });
		await expect(storePhotos([file(blankPng(8000, 5001), 'over.png')], 1)).rejects.toMatchObject({
			key: 'err.photoPixels'
		});
	}, 30_000);
});
