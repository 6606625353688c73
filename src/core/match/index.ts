export { createMatcher } from './matcher';
export { MAX_KEY_LENGTH, formKey, locateFormKey, scanKeys, textKeys } from './keys';
export type { FormKey } from './keys';
export type { MatchForm, Matcher, Mention } from './types';
export { normalizeForm, normalizeText, rawRange } from '../text/normalize';
export type { NormalizedText } from '../text/normalize';
