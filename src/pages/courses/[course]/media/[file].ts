import type { APIRoute } from 'astro';
import { serveCourseFile } from '../../../../lib/content/serve-file';

export const GET: APIRoute = (context) => serveCourseFile(context, 'media');
