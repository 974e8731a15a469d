/**
 * The proposal packet's document model: a snapshot of the tờ trình and the báo cáo đề xuất chủ
 * trương đầu tư, every generated number with its source, the diff between two snapshots.
 */
export * from './types';
export * from './model';
export * from './diff';
export * from './labels';
export * from './text';
export * from './dossier-types';
export * from './investment';
export * from './words';
