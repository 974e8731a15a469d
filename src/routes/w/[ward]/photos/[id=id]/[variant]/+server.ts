import { createHash } from 'node:crypto';
import { getPhoto } from '$lib/server/inventory/facilities';
import { readPhotoFile } from '$lib/server/inventory/photos';
import { contentDisposition, notFound, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Serves a stored photo with its stored type, never as HTML or SVG, and a safe disposition.
 * `private, no-cache` with an ETag: a browser keeps it but asks again each time (304 when
 * unchanged), so a photo is never shown from a shared PC's cache without the access check.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	// The [id=id] matcher has checked the id; a photo of another ward is not found.
	const photo = getPhoto(locals.db, wardOf(locals).id, Number(params.id));
	if (!photo || (params.variant !== 'full' && params.variant !== 'thumb')) {
		notFound(locals.locale);
	}
	const thumb = params.variant === 'thumb';
	// A stored file's path carries a fresh UUID and is never rewritten: it identifies the bytes.
	const etag = `"${createHash('sha256')
		.update(thumb ? photo.thumbPath : photo.path)
		.digest('base64url')
		.slice(0, 27)}"`;
	const caching = { 'cache-control': 'private, no-cache', etag };
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers: caching });
	}
	let body: Buffer;
	try {
		body = await readPhotoFile(thumb ? photo.thumbPath : photo.path);
	} catch {
		notFound(locals.locale);
	}
	const name = (photo.originalName ?? `photo-${photo.id}`).replace(/[^\p{L}\p{N}._-]/gu, '_');
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': thumb ? 'image/jpeg' : photo.contentType,
			'content-disposition': contentDisposition(name, 'inline'),
			...caching,
			'x-content-type-options': 'nosniff'
		}
	});
};
