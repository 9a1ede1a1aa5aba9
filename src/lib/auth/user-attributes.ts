import type { Role } from '../../../db/schema';
import type { UserRow } from '../../../db/users';

/** What every request knows about its signed-in user. */
export interface UserAttributes {
  email: string;
  name: string;
  profession: string;
  role: Role;
}

export function userAttributes(row: UserRow): UserAttributes {
  return { email: row.email, name: row.name, profession: row.profession, role: row.role };
}
