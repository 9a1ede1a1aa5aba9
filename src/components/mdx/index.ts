import Audio from './Audio.astro';
import Callout from './Callout.astro';
import Download from './Download.astro';
import Figure from './Figure.astro';
import KeyPoints from './KeyPoints.astro';
import Quiz from './Quiz.astro';
import Reflection from './Reflection.astro';
import Transcript from './Transcript.astro';
import Video from './Video.astro';

/** The components authors use in steps without importing them (docs/authoring.md). */
export const mdxComponents = { Audio, Callout, Download, Figure, KeyPoints, Quiz, Reflection, Transcript, Video };
