/** One validation schema per administration form (user, ward, API token). */
import { z } from 'zod';
import { ROLES } from '../constants';
import {
	code,
	coordinate,
	optionalCoordinate,
	optionalInteger,
	optionalText,
	text
} from './fields';

/** A select whose blank option means "none": blank → null, otherwise a positive id. */
const optionalId = () => optionalInteger(1, Number.MAX_SAFE_INTEGER);

export const usernameField = () =>
	z
		.string()
		.trim()
		.toLowerCase()
		.min(3)
		.max(50)
		.regex(/^[a-z0-9._-]+$/);

export const userCreateSchema = z.object({
	username: usernameField(),
	displayName: text(100),
	role: z.enum(ROLES),
	wardId: optionalId()
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
	displayName: text(100),
	role: z.enum(ROLES),
	wardId: optionalId()
});

export const wardSchema = z.object({
	code: code().transform((s) => s.toLowerCase()),
	name: text(100),
	adminCode: optionalText(20),
	centreLat: coordinate(-90, 90),
	centreLng: coordinate(-180, 180),
	south: optionalCoordinate(-90, 90),
	west: optionalCoordinate(-180, 180),
	north: optionalCoordinate(-90, 90),
	east: optionalCoordinate(-180, 180),
	populationCount: optionalInteger(0, 100_000_000)
});
export type WardFormInput = z.infer<typeof wardSchema>;

export const tokenSchema = z.object({
	name: text(100),
	wardId: optionalId()
});
