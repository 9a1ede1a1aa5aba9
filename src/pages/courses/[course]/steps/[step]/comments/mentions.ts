import type { APIRoute } from 'astro';
import { getDb } from '../../../../../../../db/client';
import { listCommenters } from '../../../../../../../db/discussion';
import { discussionAccess } from '../../../../../../lib/discussion/access';
import { professionLabel } from '../../../../../../lib/auth/validation';
import { json } from '../../../../../../lib/http/forms';
import { onlyMethods } from '../../../../../../lib/http/methods';

/** Whom the viewer may @mention on this step: everyone else who has commented on it (names are already shown there). */
export const GET: APIRoute = async ({ params, locals }) => {
  const db = getDb();
  const access = await discussionAccess(db, params.course, params.step, locals.user);
  if (access.kind !== 'member') return json({ error: 'Not found' }, access.kind === 'signed-out' ? 401 : 404);
  const people = listCommenters(db, access.course.slug, access.step.id, access.viewer.id);
  return json(people.map((p) => ({ name: p.name, profession: professionLabel(p.profession) })));
};

export const ALL = onlyMethods({ GET });
