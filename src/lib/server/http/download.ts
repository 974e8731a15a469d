/**
 * File downloads: one response shape for every export (CSV, XLSX, PDF, DOCX, ZIP, the backup):
 * the format's content type, a file name the user's browser saves as written (Vietnamese too,
 * RFC 6266 / RFC 5987 `filename*`), and `Cache-Control: private, no-store` (exports carry a
 * ward's data; a shared office PC must not keep them).
 */
import { stripMarksVi } from '../../text/fold';

export const DOWNLOAD_TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	zip: 'application/zip',
	sqlite: 'application/vnd.sqlite3',
	json: 'application/json; charset=utf-8',
	geojson: 'application/geo+json; charset=utf-8'
} as const;

export type DownloadFormat = keyof typeof DOWNLOAD_TYPES;

export function isDownloadFormat(x: string): x is DownloadFormat {
	return Object.hasOwn(DOWNLOAD_TYPES, x);
}

/** ASCII fallback of a file name for old clients: marks dropped, đ → d, the rest replaced. */
export function asciiFileName(name: string): string {
	return stripMarksVi(name).replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** RFC 5987 value characters: percent-encoded UTF-8 except attr-char. */
function encodeRfc5987(s: string): string {
	return encodeURIComponent(s).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>` (or `inline; …` for a file shown
 * in the page, such as a photo): browsers that know `filename*`
 * (all current ones) save the Vietnamese name, others the ASCII one. Line breaks and slashes in
 * the name are replaced (a name is never a path, never a second header).
 */
export function contentDisposition(
	fileName: string,
	disposition: 'attachment' | 'inline' = 'attachment'
): string {
	const name = fileName.replace(/[\r\n\t/\\]/g, '_');
	return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export type DownloadBody = Uint8Array | ArrayBuffer | string | ReadableStream<Uint8Array>;

/**
 * The response of a download. `name` is the file name without its extension (the format's is
 * added; a name that already ends with it keeps it): `download(bytes, 'xlsx', 'Phường Đa Kao -
 * cơ sở')` saves "Phường Đa Kao - cơ sở.xlsx". `size` sets Content-Length for a stream.
 */
export function download(
	body: DownloadBody,
	format: DownloadFormat,
	name: string,
	options: { size?: number } = {}
): Response {
	const file = name.toLowerCase().endsWith(`.${format}`) ? name : `${name}.${format}`;
	const headers: Record<string, string> = {
		'content-type': DOWNLOAD_TYPES[format],
		'content-disposition': contentDisposition(file),
		'cache-control': 'private, no-store'
	};
	const size =
		options.size ??
		(typeof body === 'string'
			? new TextEncoder().encode(body).byteLength
			: body instanceof ReadableStream
				? undefined
				: body.byteLength);
	if (size !== undefined) headers['content-length'] = String(size);
	return new Response(body as BodyInit, { headers });
}
