import { useEffect, useId, useRef, useState } from 'react';
import { hasPlayedEnough, newTracker, playedSeconds, startAt, stop, tick } from '../lib/media/played-time';
import type { MediaPosition } from '../lib/media/progress-body';
import { markStepCompleteOnPage } from './mark-step-complete';

const speeds = [0.75, 1, 1.25, 1.5, 2];
/** How often a playing piece saves its place, in milliseconds. */
const saveEvery = 10_000;
/** A place this close to the end (seconds) means the piece was finished, so it starts again from the beginning. */
const finishedWithin = 1;

interface Props {
  /** The JSON endpoint that keeps the learner's place (GET and POST). */
  progressUrl: string;
}

/**
 * Enhances the plain <video> or <audio> beside it (which works alone without JavaScript): speed choices, resuming
 * where the learner stopped, and completing the step through the page's Mark as complete form once most of the
 * piece has really been played.
 */
export default function MediaIsland({ progressUrl }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [media, setMedia] = useState<HTMLMediaElement | null>(null);
  const [rate, setRate] = useState(1);
  const selectId = useId();

  useEffect(() => {
    setMedia(root.current?.closest('.media')?.querySelector<HTMLMediaElement>('video, audio') ?? null);
  }, []);

  useEffect(() => {
    if (!media) return;
    let tracker = newTracker();
    /** Seconds played on earlier visits. */
    let earlier = 0;
    let resumeAt = 0;
    /** Saving waits for the stored place, so an early pause cannot overwrite it with nothing. */
    let loaded = false;
    let completed = false;
    let lastSave = Date.now();
    const played = () => Math.min(earlier + playedSeconds(tracker.intervals), Number.isFinite(media.duration) ? media.duration : Infinity);

    const save = (keepalive = false) => {
      if (!loaded) return;
      lastSave = Date.now();
      const body: MediaPosition = { positionSeconds: media.currentTime, playedSeconds: played() };
      fetch(progressUrl, { method: 'POST', keepalive, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(
        () => undefined, // The place is a convenience: losing one save costs the learner a few seconds at most.
      );
    };
    const completeIfPlayed = () => {
      if (completed || !hasPlayedEnough(played(), media.duration)) return;
      completed = true;
      markStepCompleteOnPage();
    };
    const resume = () => {
      if (resumeAt > 0 && media.readyState >= HTMLMediaElement.HAVE_METADATA && media.currentTime === 0 && media.paused) {
        if (resumeAt < media.duration - finishedWithin) media.currentTime = resumeAt;
        resumeAt = 0;
      }
    };

    const handlers: [string, () => void][] = [
      ['play', () => (tracker = startAt(tracker, media.currentTime))],
      [
        'timeupdate',
        () => {
          if (media.paused || media.seeking) return;
          tracker = tick(tracker, media.currentTime);
          completeIfPlayed();
          if (Date.now() - lastSave > saveEvery) save();
        },
      ],
      // Browsers pause before "ended", so this also counts the last stretch of a piece played to the end.
      [
        'pause',
        () => {
          tracker = stop(tick(tracker, media.currentTime));
          completeIfPlayed();
          save();
        },
      ],
      ['seeking', () => (tracker = stop(tracker))],
      [
        'seeked',
        () => {
          if (!media.paused) tracker = startAt(tracker, media.currentTime);
          save();
        },
      ],
      ['loadedmetadata', resume],
      ['ratechange', () => setRate(media.playbackRate)],
    ];
    for (const [type, handler] of handlers) media.addEventListener(type, handler);
    const onHide = () => save(true);
    window.addEventListener('pagehide', onHide);

    fetch(progressUrl, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<MediaPosition>) : null))
      .catch(() => null)
      .then((stored) => {
        earlier = stored?.playedSeconds ?? 0;
        resumeAt = stored?.positionSeconds ?? 0;
        loaded = true;
        resume();
      });

    return () => {
      for (const [type, handler] of handlers) media.removeEventListener(type, handler);
      window.removeEventListener('pagehide', onHide);
    };
  }, [media, progressUrl]);

  // A rate chosen in the player's own menu is shown too, even when it is not one of ours.
  const choices = speeds.includes(rate) ? speeds : [...speeds, rate].sort((a, b) => a - b);
  return (
    <div ref={root} className="media-controls">
      {media && (
        <>
          <label htmlFor={selectId}>Playback speed</label>
          <select
            id={selectId}
            value={String(rate)}
            onChange={(event) => {
              media.playbackRate = Number(event.target.value);
            }}
          >
            {choices.map((speed) => (
              <option key={speed} value={String(speed)}>
                {speed}x
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
