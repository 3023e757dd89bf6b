// The survey's screens after the start screen, in one lazy chunk (App.tsx): a respondent's first
// load carries only the start screen and the code and entry links, and main.tsx fetches this
// chunk right after the first render, so the next screen is there before it is asked for, with
// or without the service worker (which precaches it for offline use as well).
export { BackgroundScreen } from './BackgroundScreen';
export { IntroScreen } from './IntroScreen';
export { OpenQuestionScreen } from './OpenQuestionScreen';
export { ReviewScreen } from './ReviewScreen';
export { StatementScreen } from './StatementScreen';
export { ThanksScreen } from './ThanksScreen';
