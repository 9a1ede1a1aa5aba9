import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { APIContext } from 'astro';
import { joinedTier, learnerAccess } from '../courses/learner-access';
import { courseFilePath, type CourseFolder } from './course-files';
import { contentTypeFor, parseRange } from './media-types';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves a course's media or download to learners who joined it, with byte ranges so players can seek. */
export async function serveCourseFile(context: APIContext, folder: CourseFolder): Promise<Response> {
  const access = await learnerAccess(context.params.course, context.locals.user);
  if (access.kind !== 'joined') return notFound();
  // Once limited access has ended the steps no longer show their content, so their files are closed too.
  const tier = joinedTier(access);
  if (tier.tier === 'limited' && tier.expired) {
    return new Response('Your limited access to this course has ended. Upgrade to full access at /account/upgrade to open its files again.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const file = courseFilePath(access.course, folder, context.params.file ?? '');
  if (!file) return notFound();
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return notFound();
    size = stat.size;
  } catch {
    return notFound();
  }
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=3600',
  };
  if (folder === 'downloads') headers['Content-Disposition'] = `inline; filename="${context.params.file}"`;
  const range = parseRange(context.request.headers.get('range'), size);
  if (context.request.headers.has('range') && !range) {
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream;
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'Content-Length': String(end - start + 1),
      ...(range && { 'Content-Range': `bytes ${start}-${end}/${size}` }),
    },
  });
}
