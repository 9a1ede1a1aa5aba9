import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx';
import { experimental_AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render, type CollectionEntry } from 'astro:content';
import { mdxComponents } from '../../components/mdx';

let container: Promise<experimental_AstroContainer> | undefined;
const bodies = new Map<string, Promise<string>>();

/**
 * A step's body as HTML, rendered once per process: it is the same for every learner, and rendering MDX is
 * most of a step page's cost. Components in step bodies must therefore not depend on who is asking.
 */
export function stepBodyHtml(courseSlug: string, entry: CollectionEntry<'steps'>): Promise<string> {
  const key = entry.id;
  let html = import.meta.env.DEV ? undefined : bodies.get(key);
  if (!html) {
    html = (async () => {
      container ??= loadRenderers([mdxRenderer()]).then((renderers) => experimental_AstroContainer.create({ renderers }));
      const { Content } = await render(entry);
      return (await container).renderToString(Content, {
        params: { course: courseSlug, step: entry.data.id },
        props: { components: mdxComponents },
        partial: true,
      });
    })();
    bodies.set(key, html);
  }
  return html;
}
