/**
 * The database schema, one file per feature. Areas in m² as REAL, money in VND as INTEGER,
 * timestamps as integer milliseconds, coordinates WGS84. Column names snake_case, TypeScript
 * fields camelCase. drizzle-kit reads this index (drizzle.config.ts, scripts/check-migrations.js).
 */
export * from './auth';
export * from './inventory';
export * from './org';
export * from './sites';
export * from './plans';
export * from './proposals';
export * from './records';
