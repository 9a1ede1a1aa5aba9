/** The enrolment funnel: how many learners reached each stage of a course. Pure. */
import { percentOf } from './stats';

export interface FunnelCounts {
  enrolled: number;
  /** Completed at least one step. */
  started: number;
  /** Completed at least half of the steps. */
  halfway: number;
  /** Meet the course's completion rule: enough steps, every assessment passed. */
  eligible: number;
  /** Hold a certificate that has not been revoked. */
  certified: number;
}

export interface FunnelStage {
  key: keyof FunnelCounts;
  label: string;
  count: number;
  /** Whole per cent of enrolled learners. */
  ofEnrolled: number;
  /** Whole per cent of the stage before; 100 for the first. */
  ofPrevious: number;
}

const stages: { key: keyof FunnelCounts; label: string }[] = [
  { key: 'enrolled', label: 'Enrolled' },
  { key: 'started', label: 'Started' },
  { key: 'halfway', label: 'Reached 50%' },
  { key: 'eligible', label: 'Eligible for a certificate' },
  { key: 'certified', label: 'Certificate issued' },
];

export function funnelStages(counts: FunnelCounts): FunnelStage[] {
  return stages.map(({ key, label }, i) => {
    const previous = i === 0 ? counts[key] : counts[stages[i - 1]!.key];
    return { key, label, count: counts[key], ofEnrolled: percentOf(counts[key], counts.enrolled), ofPrevious: i === 0 ? 100 : percentOf(counts[key], previous) };
  });
}
