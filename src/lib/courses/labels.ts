import type { StepType } from './schema';

const labels: Record<StepType, string> = {
  article: 'Article',
  video: 'Video',
  audio: 'Audio',
  discussion: 'Discussion',
  quiz: 'Test',
  assessment: 'Assessment',
  download: 'Download',
};

/** How a step's type is named to learners. */
export function stepTypeLabel(type: StepType): string {
  return labels[type];
}
