/**
 * The proposal packet's document model: a snapshot of the tờ trình and the báo cáo đề xuất chủ
 * trương đầu tư, every generated number with its source, the diff between two snapshots.
 * Server code only: the builders (./model) translate labels with both catalogues. The browser
 * imports `$lib/packet/view` (the same names without the builders).
 */
export * from './view';
export * from './model';
export * from './dossier-types';
export * from './investment';
