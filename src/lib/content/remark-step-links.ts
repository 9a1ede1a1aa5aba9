/**
 * Turns author links written as `[text](step:step-id)` into the step's address in the same course, so links
 * survive renaming and reordering files. `npm run content:check` reports ids that do not exist.
 */
interface Node {
  type: string;
  url?: string;
  children?: Node[];
}

export function courseSlugFromPath(filePath: string): string | undefined {
  return /(?:^|\/)courses\/([^/]+)\/week-\d+\//.exec(filePath.replaceAll('\\', '/'))?.[1];
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

export default function remarkStepLinks() {
  return (tree: Node, file: { path?: string }) => {
    const slug = courseSlugFromPath(file.path ?? '');
    if (!slug) return;
    walk(tree, (node) => {
      if (node.type === 'link' && node.url?.startsWith('step:')) {
        node.url = `/courses/${slug}/steps/${node.url.slice('step:'.length)}`;
      }
    });
  };
}
