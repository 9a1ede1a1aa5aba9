/** The learners table: what the address asks for, and the rows as the page and the CSV show them. Pure. */
import { professionLabel } from '../auth/validation';
import { formatCertificateNumber } from '../certificates/number';
import type { FilterValues } from './filters';
import { toCsv } from '../csv/csv';
import { percentDone } from '../progress/eligibility';

export const learnerSorts = ['name', 'email', 'profession', 'joined', 'active', 'complete'] as const;
export type LearnerSort = (typeof learnerSorts)[number];
export type SortDirection = 'asc' | 'desc';

export const learnersPerPage = 50;

export interface LearnerQuery {
  search: string;
  sort: LearnerSort;
  direction: SortDirection;
  /** From 1. */
  page: number;
}

/** Newest first unless the address says otherwise; anything unknown falls back to that. */
export function readLearnerQuery(params: URLSearchParams): LearnerQuery {
  const sort = learnerSorts.find((s) => s === params.get('sort')) ?? 'joined';
  const direction = params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : sort === 'joined' ? 'desc' : 'asc';
  const page = Number(params.get('page'));
  return { search: (params.get('q') ?? '').trim().slice(0, 200), sort, direction, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/** The address of the learners view (or its CSV, with `path`) with the filter, search, sort and page, changed as asked. */
export function learnersHref(path: string, filter: FilterValues, query: LearnerQuery, change: Partial<LearnerQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'profession'] as const) if (filter[key]) params.set(key, filter[key]);
  if (next.search) params.set('q', next.search);
  params.set('sort', next.sort);
  params.set('dir', next.direction);
  if (next.page > 1) params.set('page', String(next.page));
  return `${path}?${params}`;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / learnersPerPage));
}

/** One learner as stored: `best` holds the best score of each assessment, in course order (null: not tried). */
export interface LearnerRecord {
  userId: string;
  name: string;
  email: string;
  profession: string;
  joinedAt: Date;
  lastActiveAt: Date;
  done: number;
  best: (number | null)[];
  certificateNumber: string | null;
  certificateRevoked: boolean;
}

/** One learner as the table and the CSV show them. */
export interface LearnerView {
  name: string;
  email: string;
  profession: string;
  joined: string;
  lastActive: string;
  percent: number;
  best: (number | null)[];
  certificate: string;
}

/** The date part, as in 2025-03-01: sorts as text and reads the same in every country. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function learnerView(row: LearnerRecord, totalSteps: number): LearnerView {
  const number = row.certificateNumber && formatCertificateNumber(row.certificateNumber);
  return {
    name: row.name,
    email: row.email,
    profession: professionLabel(row.profession),
    joined: isoDay(row.joinedAt),
    lastActive: isoDay(row.lastActiveAt),
    percent: percentDone(row.done, totalSteps),
    best: row.best,
    certificate: number ? (row.certificateRevoked ? `${number} (revoked)` : number) : '',
  };
}

/** The column headings of the table and the CSV; one score column per assessment. */
export function learnerHeadings(assessmentTitles: readonly string[]): string[] {
  return ['Name', 'Email', 'Profession', 'Joined', 'Last active', 'Complete (%)', ...assessmentTitles.map((t) => `${t}: best score (%)`), 'Certificate'];
}

/** The CSV of the table's rows, for CPD audits: UTF-8 with a BOM, formula-safe cells (src/lib/csv). */
export function learnersCsv(views: readonly LearnerView[], assessmentTitles: readonly string[]): string {
  return toCsv(
    learnerHeadings(assessmentTitles),
    views.map((v) => [v.name, v.email, v.profession, v.joined, v.lastActive, v.percent, ...v.best, v.certificate]),
  );
}
