/**
 * The packet's document model as the browser may load it: types, section titles, number labels
 * and formatting, the generated text, the diff. No section builder (build/kit.ts translates
 * field labels in both languages through $lib/i18n, which would put both catalogues in the
 * page's JavaScript). Pages and components import this module, never `$lib/packet` (the index
 * also exports the builders: server code only).
 */
export * from './types';
export * from './labels';
export * from './text';
export * from './diff';
export * from './words';
