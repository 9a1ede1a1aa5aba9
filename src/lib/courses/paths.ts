import path from 'node:path';

/** The folders that hold courses, relative to the project root. */
export function courseRoots(): string[] {
  return process.env.COURSE_FIXTURES === '1' ? ['content/courses', 'tests/fixtures/courses'] : ['content/courses'];
}

/** The absolute folder of a course, from the course.yaml path the loader recorded (relative to the project root). */
export function courseDir(courseYamlPath: string): string {
  return path.resolve(process.env.APP_ROOT ?? process.cwd(), path.dirname(courseYamlPath));
}
