/** Staff login. The password is taken exactly as typed (never trimmed or normalised). */
import { z } from 'zod';

export const loginRequest = z
  .strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequest>;

export const loginResult = z
  .object({ token: z.string(), expiresAt: z.string().meta({ description: 'ISO instant' }) })
  .meta({ id: 'LoginResult' });
export type LoginResult = z.infer<typeof loginResult>;
