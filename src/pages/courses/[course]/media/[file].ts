import type { APIRoute } from 'astro';
import { serveCourseFile } from '../../../../lib/content/serve-file';
import { onlyMethods } from '../../../../lib/http/methods';

export const GET: APIRoute = (context) => serveCourseFile(context, 'media');

export const ALL = onlyMethods({ GET });
