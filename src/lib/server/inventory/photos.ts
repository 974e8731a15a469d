/**
 * Photo uploads: type, size and pixel limits (the pixel count is read from the header before
 * anything is decoded: a 30 KB PNG can declare 16,000 × 16,000 px), decoded by sharp (a file that does not decode is
 * refused as corrupt), re-encoded without metadata, a 320 px thumbnail, stored under
 * UPLOAD_DIR with the relative path kept in the database.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { DomainError } from '../core/errors';
import type { StoredPhoto } from './surveys';

export const MAX_PHOTO_MB = 10;
export const MAX_PHOTOS = 8;
/** Largest accepted image, in megapixels (a 40 MP camera photo passes; a pixel bomb does not). */
export const MAX_PHOTO_MEGAPIXELS = 40;
const MAX_PIXELS = MAX_PHOTO_MEGAPIXELS * 1_000_000;
const ALLOWED = new Map([
	['jpeg', { ext: 'jpg', type: 'image/jpeg' }],
	['png', { ext: 'png', type: 'image/png' }],
	['webp', { ext: 'webp', type: 'image/webp' }]
]);

export type PhotoErrorKey =
	'err.photoType' | 'err.photoSize' | 'err.photoCorrupt' | 'err.photoCount' | 'err.photoPixels';

export class PhotoError extends DomainError<'invalid-photo'> {
	/** The message key (an own field, as before PhotoError extended DomainError). */
	readonly key: PhotoErrorKey;
	declare readonly params: Record<string, string>;
	constructor(key: PhotoErrorKey, params: Record<string, string> = {}) {
		super('invalid-photo', 'photos', key, params);
		this.message = key;
		this.key = key;
	}
}

export function uploadDir(): string {
	return path.resolve(process.env.UPLOAD_DIR || 'data/uploads');
}

/** The files of a multipart field that were actually chosen (browsers send an empty part). */
export function chosenFiles(data: FormData, field: string): File[] {
	return data.getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
}

/** Validates every file first, then writes them; nothing is written when one is refused. */
export async function storePhotos(files: File[], wardId: number): Promise<StoredPhoto[]> {
	if (files.length > MAX_PHOTOS) {
		throw new PhotoError('err.photoCount', { max: String(MAX_PHOTOS) });
	}
	const prepared: { meta: StoredPhoto; full: Buffer; thumb: Buffer }[] = [];
	for (const file of files) {
		if (file.size > MAX_PHOTO_MB * 1024 * 1024) {
			throw new PhotoError('err.photoSize', { max: String(MAX_PHOTO_MB) });
		}
		const input = Buffer.from(await file.arrayBuffer());
		let format: string | undefined;
		let pixels = 0;
		try {
			// metadata() reads the header only; nothing is decoded yet.
			const meta = await sharp(input, { limitInputPixels: false }).metadata();
			format = meta.format;
			pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
		} catch {
			throw new PhotoError('err.photoCorrupt');
		}
		const kind = format ? ALLOWED.get(format) : undefined;
		if (!kind) throw new PhotoError('err.photoType');
		if (pixels > MAX_PIXELS) {
			throw new PhotoError('err.photoPixels', {
				max: String(MAX_PHOTO_MEGAPIXELS),
				actual: String(Math.ceil(pixels / 1_000_000))
			});
		}
		let full: { data: Buffer; info: OutputInfo };
		let thumb: Buffer;
		try {
			// limitInputPixels again: the decoder refuses what the header understated.
			full = await sharp(input, { limitInputPixels: MAX_PIXELS })
				.rotate()
				.resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true })
				.toFormat(format as 'jpeg' | 'png' | 'webp')
				.toBuffer({ resolveWithObject: true });
			thumb = await sharp(input, { limitInputPixels: MAX_PIXELS })
				.rotate()
				.resize({ width: 320, height: 240, fit: 'cover' })
				.jpeg({ quality: 75 })
				.toBuffer();
		} catch {
			throw new PhotoError('err.photoCorrupt');
		}
		const id = randomUUID();
		prepared.push({
			meta: {
				path: `${wardId}/${id}.${kind.ext}`,
				thumbPath: `${wardId}/${id}.thumb.jpg`,
				contentType: kind.type,
				sizeBytes: full.data.length,
				width: full.info.width,
				height: full.info.height,
				originalName: file.name.slice(0, 200)
			},
			full: full.data,
			thumb
		});
	}
	const dir = uploadDir();
	for (const p of prepared) {
		await fs.mkdir(path.join(dir, path.dirname(p.meta.path)), { recursive: true });
		await fs.writeFile(path.join(dir, p.meta.path), p.full);
		await fs.writeFile(path.join(dir, p.meta.thumbPath), p.thumb);
	}
	return prepared.map((p) => p.meta);
}

/** Removes stored files (after their rows are gone, or when the database write failed). */
export async function removePhotoFiles(
	photos: { path: string; thumbPath: string }[]
): Promise<void> {
	const dir = uploadDir();
	for (const p of photos) {
		await fs.rm(path.join(dir, p.path), { force: true });
		await fs.rm(path.join(dir, p.thumbPath), { force: true });
	}
}

/** Reads a stored file; the path comes from the database and must stay inside UPLOAD_DIR. */
export async function readPhotoFile(relative: string): Promise<Buffer> {
	const dir = uploadDir();
	const full = path.resolve(dir, relative);
	if (!full.startsWith(dir + path.sep)) throw new Error('Photo path outside the upload folder');
	return fs.readFile(full);
}
