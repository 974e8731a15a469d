/**
 * The route toolkit: what every `+page.server.ts` and `+server.ts` needs beside its feature's
 * services. Import from `$lib/server/http`.
 */
export {
	runAction,
	refusal,
	type ActionInput,
	type ActionOptions,
	type ActionRefusal
} from './action';
export { notFound, wardOf } from './not-found';
export { recordId } from './ids';
export {
	listQuery,
	intParam,
	pageWithin,
	MAX_PAGE,
	MAX_QUERY,
	type ListQuery,
	type SortDir
} from './list';
export {
	download,
	contentDisposition,
	asciiFileName,
	isDownloadFormat,
	DOWNLOAD_TYPES,
	type DownloadFormat,
	type DownloadBody
} from './download';
