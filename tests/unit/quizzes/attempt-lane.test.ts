import { describe, expect, it } from 'vitest';
import { attemptRequest } from '../../../src/lib/quizzes/attempt-lane';

const island = { accept: 'application/json', 'content-type': 'application/json', 'content-length': '120' };
const address = '/api/courses/best/quizzes/week-1-test/attempts';

describe('which requests the test submission lane takes', () => {
  it('takes the quiz island’s request: a JSON POST of a usual size to a test’s attempts', () => {
    expect(attemptRequest('POST', address, island)).toEqual({ courseSlug: 'best', quizId: 'week-1-test', bodyLength: 120 });
    expect(attemptRequest('POST', address, { ...island, 'content-type': 'application/json; charset=utf-8', 'content-length': '65536' })?.bodyLength).toBe(65536);
  });

  it('leaves everything else to the endpoint, before any body is read', () => {
    expect(attemptRequest('GET', address, island)).toBeNull();
    expect(attemptRequest('PUT', address, island)).toBeNull();
    expect(attemptRequest('POST', `${address}?x=1`, island)).toBeNull();
    expect(attemptRequest('POST', '/api/courses/best/quizzes/../attempts', island)).toBeNull();
    expect(attemptRequest('POST', '/api/courses/best/steps/w1-welcome/media-progress', island)).toBeNull();
    expect(attemptRequest('POST', address, { ...island, 'content-type': 'text/plain' })).toBeNull();
    expect(attemptRequest('POST', address, { ...island, 'content-type': undefined })).toBeNull();
    // No length (chunked), a false one, or more than any test's answers.
    expect(attemptRequest('POST', address, { ...island, 'content-length': undefined })).toBeNull();
    expect(attemptRequest('POST', address, { ...island, 'content-length': '1.5' })).toBeNull();
    expect(attemptRequest('POST', address, { ...island, 'content-length': '65537' })).toBeNull();
  });
});
