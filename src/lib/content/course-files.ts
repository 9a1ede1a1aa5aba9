import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { courseDir } from '../courses/paths';
import type { Course } from '../courses/catalog';

export type CourseFolder = 'media' | 'downloads';

/** File names authors may use: no folders, no dot-files, nothing that climbs out. */
const safeName = /^[a-z0-9][a-z0-9._-]*$/i;

/** The absolute path of a file in a course's media or downloads folder, or null if the name is not allowed. */
export function courseFilePath(course: Course, folder: CourseFolder, name: string): string | null {
  if (!safeName.test(name) || name.includes('..')) return null;
  return path.join(courseDir(course.filePath), folder, name);
}

export function courseFileExists(course: Course, folder: CourseFolder, name: string): boolean {
  const file = courseFilePath(course, folder, name);
  return file !== null && existsSync(file);
}

const transcripts = new Map<string, string[]>();

/** A media piece's transcript as paragraphs, read once per process; null when the file is missing. */
export function readTranscript(course: Course, name: string): string[] | null {
  const file = courseFilePath(course, 'media', `${name}.txt`);
  if (!file || !existsSync(file)) return null;
  let paragraphs = import.meta.env.DEV ? undefined : transcripts.get(file);
  if (!paragraphs) {
    paragraphs = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    transcripts.set(file, paragraphs);
  }
  return paragraphs;
}
