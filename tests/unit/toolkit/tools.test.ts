import { describe, expect, it } from 'vitest';
import { stepSchema } from '../../../src/lib/courses/schema';
import { findTool, toolNames, tools } from '../../../src/lib/toolkit/tools';

const step = { id: 'w4-smart-goals', title: 'Setting SMART goals', type: 'article', activity: 'Skills', minutes: 12 };

describe('the toolkit', () => {
  it('describes every tool once', () => {
    expect(tools.map((t) => t.name)).toEqual([...toolNames]);
    expect(findTool('baseline')?.title).toBe('Baseline calculator');
    expect(findTool('nonsense')).toBeUndefined();
    expect(findTool(undefined)).toBeUndefined();
  });

  it('lets a step name a tool, and tells the author the names when it is wrong', () => {
    expect(stepSchema.parse({ ...step, tool: 'smart-goal' })).toMatchObject({ tool: 'smart-goal' });
    expect(stepSchema.parse(step)).not.toHaveProperty('tool');
    const wrong = stepSchema.safeParse({ ...step, tool: 'smart-goals' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('must be one of: smart-goal, baseline, pacing, thought-record, flare-up, exercise-programme');
  });
});
