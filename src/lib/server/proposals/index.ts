/**
 * Proposals to the city (tờ trình + báo cáo đề xuất chủ trương đầu tư): assembling the packet
 * from the ward's data, the recompute check, and the workflow draft → submitted → in-review →
 * returned (comments per section) → submitted again (a new version) → approved / rejected.
 * A submitted version (snapshot JSON, its SHA-256 and the generated files) never changes.
 * Every step writes its audit row and its notifications in the same transaction.
 */
export * from './status';
export * from './gathering';
export * from './page';
export * from './files';
export * from './reading';
export * from './workflow';
export * from './review';
export * from './portfolio';
