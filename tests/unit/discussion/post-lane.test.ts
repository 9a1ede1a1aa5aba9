import { describe, expect, it } from 'vitest';
import { postRequest } from '../../../src/lib/discussion/post-lane';

const script = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': '80' };
const address = '/courses/best/steps/w1-what-is-best/comments';

describe('which requests the comment posting lane takes', () => {
  it('takes the comment form script’s post: url-encoded, asking for JSON, at most a long comment', () => {
    expect(postRequest('POST', address, script)).toEqual({ courseSlug: 'best', stepId: 'w1-what-is-best', bodyLength: 80 });
    expect(postRequest('POST', address, { ...script, 'content-length': '65536' })?.bodyLength).toBe(65536);
  });

  it('leaves everything else to the page, before any body is read', () => {
    expect(postRequest('GET', address, script)).toBeNull();
    expect(postRequest('POST', `${address}?sort=liked`, script)).toBeNull();
    expect(postRequest('POST', `${address}/abc/reply`, script)).toBeNull();
    expect(postRequest('POST', '/courses/best/steps/w1-what-is-best', script)).toBeNull();
    // A plain form (no JavaScript) wants the page and its redirect; multipart is the page's to read.
    expect(postRequest('POST', address, { ...script, accept: 'text/html' })).toBeNull();
    expect(postRequest('POST', address, { ...script, 'content-type': 'multipart/form-data; boundary=x' })).toBeNull();
    expect(postRequest('POST', address, { ...script, 'content-length': undefined })).toBeNull();
    expect(postRequest('POST', address, { ...script, 'content-length': '65537' })).toBeNull();
  });
});
