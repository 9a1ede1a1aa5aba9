/** How the comments under a step are ordered and paged; the choice lives in the address. Pure. */

export const commentSorts = [
  { value: 'newest', label: 'Newest' },
  { value: 'liked', label: 'Most liked' },
] as const;
export type CommentSort = (typeof commentSorts)[number]['value'];

/** Comments shown at first and added by each Show more. */
export const pageSize = 20;
/** Show more stops growing the page here, so an address cannot ask for an unbounded list. */
export const maxShown = 1000;

export function parseSort(raw: string | null | undefined): CommentSort {
  return raw === 'liked' ? 'liked' : 'newest';
}

/** How many comments to show: a whole number of pages, from one page up to maxShown. */
export function parseShown(raw: string | null | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < pageSize) return pageSize;
  return Math.min(maxShown, Math.ceil(n / pageSize) * pageSize);
}

export interface ThreadPlace {
  sort: CommentSort;
  shown: number;
}

/** The step's address for a sort and length, leaving out the defaults so the usual address stays plain. */
export function threadHref(stepPath: string, place: ThreadPlace, hash = ''): string {
  const query = new URLSearchParams();
  if (place.sort !== 'newest') query.set('sort', place.sort);
  if (place.shown !== pageSize) query.set('show', String(place.shown));
  const search = query.size ? `?${query}` : '';
  return `${stepPath}${search}${hash ? `#${hash}` : ''}`;
}

export function placeFrom(params: URLSearchParams): ThreadPlace {
  return { sort: parseSort(params.get('sort')), shown: parseShown(params.get('show')) };
}
