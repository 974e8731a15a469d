/** Password hashing with Argon2id (OWASP's recommended parameters: m=19 MiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
	try {
		return await verify(hashed, password);
	} catch {
		return false;
	}
}

/** A password policy that a ward office can live with: 10+ characters, not all the same. */
export function passwordProblem(password: string): 'too-short' | 'too-long' | 'too-simple' | null {
	if (password.length < 10) return 'too-short';
	if (password.length > 200) return 'too-long';
	if (new Set(password).size < 4) return 'too-simple';
	return null;
}
