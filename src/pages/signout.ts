import type { APIRoute } from 'astro';
import { endSession } from '../lib/auth/accounts';
import { onlyMethods } from '../lib/http/methods';

export const POST: APIRoute = async ({ cookies, locals, redirect }) => {
  await endSession(cookies, locals.session?.id);
  return redirect('/', 303);
};

// Signing out changes data, so a GET (a typed address or a prefetch) never does it.
export const GET: APIRoute = ({ redirect }) => redirect('/account', 303);

export const ALL = onlyMethods({ POST, GET });
