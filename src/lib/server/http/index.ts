/**
 * The route toolkit: what every `+page.server.ts` and `+server.ts` needs beside its feature's
 * services. Import from `$lib/server/http`; only routes do (it depends on SvelteKit's request
 * context, which scripts and workers do not have), services throw a `DomainError` instead.
 *
 * ```ts
 * export const load: PageServerLoad = ({ locals, params, url }) => {
 *   const ward = wardOf(locals);
 *   const { q, sort, dir, page } = listQuery(url, ['code', 'name', 'area']);
 *   const facility = getFacility(locals.db, ward.id, Number(params.id)); // [id=id] matched
 *   if (!facility) notFound();
 *   …
 * };
 * export const actions: Actions = {
 *   update: (event) =>
 *     runAction(event, facilitySchema, ({ data, version }) => {
 *       updateFacility(event.locals.db, actorOf(event.locals), wardOf(event.locals).id, …, version);
 *       redirect(303, '…?saved=1');
 *     }, { form: 'facility' })
 * };
 * export const GET: RequestHandler = async ({ locals }) =>
 *   download(await exportRooms(locals.db, wardOf(locals).id, 'xlsx'), 'xlsx', 'Phòng làm việc');
 * ```
 */
export {
	runAction,
	refusal,
	type ActionInput,
	type ActionOptions,
	type ActionRefusal
} from './action';
export { notFound, orNotFound, wardOf } from './not-found';
export { recordId } from './ids';
export { orBusy } from './busy';
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
