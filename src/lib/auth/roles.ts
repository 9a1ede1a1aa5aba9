import type { User } from 'lucia';
import type { Role } from '../../../db/schema';

/** Whether the user holds one of the roles; the console answers 404 otherwise, so its pages do not leak. */
export function hasRole(user: User | null, ...roles: Role[]): user is User {
  return user !== null && roles.includes(user.role);
}
