import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { getMediaProgress, saveMediaProgress } from '../../../db/media-progress';
import { users } from '../../../db/schema';

describe('media progress storage', () => {
  it('keeps the latest place per learner and step, and never lowers the time played', () => {
    const { db } = openDatabase(':memory:');
    for (const id of ['a', 'b']) db.insert(users).values({ id, email: `${id}@example.org`, passwordHash: 'x', name: id, profession: 'nurse', createdAt: new Date() }).run();
    expect(getMediaProgress(db, 'a', 'course', 'clip')).toEqual({ positionSeconds: 0, playedSeconds: 0 });
    saveMediaProgress(db, 'a', 'course', 'clip', { positionSeconds: 3, playedSeconds: 3 });
    // A second tab that played less reports its own place, but cannot undo what the first one played.
    saveMediaProgress(db, 'a', 'course', 'clip', { positionSeconds: 1, playedSeconds: 1 });
    expect(getMediaProgress(db, 'a', 'course', 'clip')).toEqual({ positionSeconds: 1, playedSeconds: 3 });
    expect(getMediaProgress(db, 'b', 'course', 'clip')).toEqual({ positionSeconds: 0, playedSeconds: 0 });
    expect(getMediaProgress(db, 'a', 'course', 'other')).toEqual({ positionSeconds: 0, playedSeconds: 0 });
  });
});
