import { describe, expect, it } from 'vitest';
import { completionRequest } from '../../../src/lib/progress/completion-lane';

const script = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': '15' };

describe('which requests the Mark as complete lane takes', () => {
  it('takes the step page script’s request: a small url-encoded POST to a step asking for JSON', () => {
    expect(completionRequest('POST', '/courses/best/steps/w1-what-is-best', script)).toEqual({ courseSlug: 'best', stepId: 'w1-what-is-best', bodyLength: 15 });
    expect(completionRequest('POST', '/courses/best/steps/w1-what-is-best?sort=liked', script)?.stepId).toBe('w1-what-is-best');
  });

  it('leaves everything else to the page, before any body is read', () => {
    expect(completionRequest('GET', '/courses/best/steps/w1-what-is-best', script)).toBeNull();
    expect(completionRequest('POST', '/courses/best/steps/w1-what-is-best/comments', script)).toBeNull();
    expect(completionRequest('POST', '/courses/best/steps/../progress', script)).toBeNull();
    // A plain form (no JavaScript) wants the page and its redirect.
    expect(completionRequest('POST', '/courses/best/steps/a', { ...script, accept: 'text/html' })).toBeNull();
    expect(completionRequest('POST', '/courses/best/steps/a', { ...script, 'content-type': 'multipart/form-data; boundary=x' })).toBeNull();
    // No length (chunked), a false one, or more than a Mark as complete form ever sends.
    expect(completionRequest('POST', '/courses/best/steps/a', { ...script, 'content-length': undefined })).toBeNull();
    expect(completionRequest('POST', '/courses/best/steps/a', { ...script, 'content-length': '-1' })).toBeNull();
    expect(completionRequest('POST', '/courses/best/steps/a', { ...script, 'content-length': '1025' })).toBeNull();
  });
});
