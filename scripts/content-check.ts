/** `npm run content:check [folders…]`: checks every course and prints each problem as file:line: message. */
import { checkCourses } from '../src/lib/content/check-course';

const roots = process.argv.slice(2);
const problems = await checkCourses(roots.length ? roots : ['content/courses', 'tests/fixtures/courses'], process.cwd());
for (const p of problems) console.log(`${p.file}:${p.line}: ${p.message}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found.`);
  process.exit(1);
}
console.log('Content check: no problems found.');
