import { error } from '@sveltejs/kit';
import { getPhoto } from '$lib/server/facilities';
import { readPhotoFile } from '$lib/server/photos';
import type { RequestHandler } from './$types';

/** Serves a stored photo with its stored type, never as HTML or SVG, and a safe disposition. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const id = Number(params.id);
	const photo = Number.isInteger(id) ? getPhoto(locals.db, locals.ward!.id, id) : undefined;
	if (!photo || (params.variant !== 'full' && params.variant !== 'thumb')) error(404, 'Not found');
	const thumb = params.variant === 'thumb';
	let body: Buffer;
	try {
		body = await readPhotoFile(thumb ? photo.thumbPath : photo.path);
	} catch {
		error(404, 'Not found');
	}
	const name = (photo.originalName ?? `photo-${photo.id}`).replace(/[^\p{L}\p{N}._-]/gu, '_');
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': thumb ? 'image/jpeg' : photo.contentType,
			'content-disposition': `inline; filename="${encodeURIComponent(name)}"`,
			'cache-control': 'private, max-age=86400',
			'x-content-type-options': 'nosniff'
		}
	});
};
